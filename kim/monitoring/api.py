"""The monitoring module's REST endpoints (``KimModule.api``): the indicator catalogue
with each indicator's table, and the observations.

As on the pages: the catalogue and the tables for the aggregate audiences
(``reports.monitoring_aggregates:read``), counts of persons disclosure-controlled for
them (kim.monitoring.domain.series); the observations one by one only for readers of the
exact figures (``monitoring.indicators:read``, the permission the indicator page checks
before it shows them). Observations are recorded as on the import page: the same import
(kim.monitoring.domain.imports), all or nothing, with its row errors."""

from __future__ import annotations

from django.db.models import BooleanField, ExpressionWrapper, Q
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from kim.api.declare import Endpoint
from kim.api.views.base import READ_ERRORS, WRITE_ERRORS, ApiView, clean_text, paged
from kim.api.views.lists import Filter, Listing, by_id_and
from kim.api.views.rows import MAX_ROWS_JSON, FileParser, row_problems, uploaded
from kim.core.permissions.check import has_perm
from kim.monitoring.domain.imports import SPEC, import_observations
from kim.monitoring.domain.series import series
from kim.monitoring.models import Indicator, Observation, Topic
from kim.monitoring.module import AGGREGATES

EXACT = "monitoring.indicators:read"


class IndicatorSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    numerator = serializers.IntegerField(source="numerator_id", read_only=True,
                                         allow_null=True)
    denominator = serializers.IntegerField(source="denominator_id", read_only=True,
                                           allow_null=True)

    class Meta:
        model = Indicator
        fields = ["id", "code", "name", "topic", "definition", "unit", "source", "numerator",
                  "denominator", "computed", "level", "periodicity", "basis"]
        read_only_fields = fields


class ColumnSerializer(serializers.Serializer):  # type: ignore[type-arg]
    key = serializers.CharField()
    label = serializers.CharField()
    area = serializers.IntegerField(source="area_id", allow_null=True)
    institution = serializers.IntegerField(source="institution_id", allow_null=True,
                                           help_text="The Organisation (school, Kita …)")


class RowSerializer(serializers.Serializer):  # type: ignore[type-arg]
    period = serializers.DateField()
    values = serializers.DictField(
        child=serializers.CharField(),
        help_text="Per column key: the figure, or a marker of disclosure control "
                  "(\"<3\", \"x\"); a column without a figure is left out")


class TableSerializer(serializers.Serializer):  # type: ignore[type-arg]
    protected = serializers.BooleanField(help_text="Disclosure control was applied")
    columns = ColumnSerializer(many=True)
    rows = RowSerializer(many=True)


class IndicatorDetailSerializer(IndicatorSerializer):
    table = TableSerializer(read_only=True)

    class Meta(IndicatorSerializer.Meta):
        fields = [*IndicatorSerializer.Meta.fields, "table"]
        read_only_fields = fields


INDICATORS = Listing(filters=[Filter("topic", "topic", "choice", Topic.values),
                              Filter("code", "code", "text")],
                     orderings=by_id_and("code"))


class IndicatorList(ApiView):
    @extend_schema(operation_id="indicators_list", parameters=INDICATORS.parameters(),
                   responses={200: paged(IndicatorSerializer), **READ_ERRORS})
    def get(self, request: Request) -> Response:
        return INDICATORS.respond(self, request, Indicator.objects.all(),
                                  lambda page: IndicatorSerializer(page, many=True).data)


class IndicatorDetail(ApiView):
    @extend_schema(operation_id="indicators_read",
                   responses={200: IndicatorDetailSerializer, **READ_ERRORS})
    def get(self, request: Request, obj: Indicator) -> Response:
        """The indicator with its table as the indicator page shows it."""
        exact = has_perm(request.user, EXACT, request.municipality)
        table = series(obj, aggregate=not exact)
        keys = [c.key for c in table.columns]
        data = IndicatorSerializer(obj).data
        data["table"] = TableSerializer({
            "protected": table.protected, "columns": table.columns,
            "rows": [{"period": row["period"],
                      "values": {k: str(row[k]) for k in keys if row.get(k) is not None}}
                     for row in table.rows]}).data
        return Response(data)


class ObservationSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    indicator = serializers.IntegerField(source="indicator_id", read_only=True)
    area = serializers.IntegerField(source="area_id", read_only=True, allow_null=True)
    institution = serializers.IntegerField(source="institution_id", read_only=True,
                                           allow_null=True)

    class Meta:
        model = Observation
        fields = ["id", "indicator", "period", "area", "institution", "value", "previous",
                  "computed"]
        read_only_fields = fields


OBSERVATIONS = Listing(
    filters=[Filter("indicator", "indicator_id", "int"),
             Filter("area", "area_id", "int"),
             Filter("institution", "institution_id", "int"),
             Filter("town", "is_town", "bool",
                    description="Only the figures of the whole municipality"),
             Filter("period_from", "period__gte", "date"),
             Filter("period_to", "period__lte", "date")],
    orderings=by_id_and("period"))


class ObservationList(ApiView):
    @extend_schema(operation_id="observations_list", parameters=OBSERVATIONS.parameters(),
                   responses={200: paged(ObservationSerializer), **READ_ERRORS})
    def get(self, request: Request) -> Response:
        town = ExpressionWrapper(Q(area__isnull=True, institution__isnull=True),
                                 output_field=BooleanField())
        return OBSERVATIONS.respond(self, request,
                                    Observation.objects.annotate(is_town=town),
                                    lambda page: ObservationSerializer(page, many=True).data)


class ObservationRows(serializers.Serializer):  # type: ignore[type-arg]
    rows = serializers.ListField(
        child=serializers.DictField(), max_length=MAX_ROWS_JSON,
        help_text="One object per observation, keyed by the import's columns "
                  f"({', '.join(c.key for c in SPEC.columns)}); values as in the import "
                  "file (indicator code, period as year, month or day, area name or code, "
                  "institution name).")


class ImportedSerializer(serializers.Serializer):  # type: ignore[type-arg]
    written = serializers.BooleanField()
    rows = serializers.IntegerField()
    replaced = serializers.IntegerField(help_text="Values that replaced an earlier one")
    source_import = serializers.IntegerField(allow_null=True)


class ObservationBulk(ApiView):
    parser_classes = [JSONParser, FileParser]

    @extend_schema(
        operation_id="observations_bulk", request={"application/json": ObservationRows},
        parameters=[OpenApiParameter("dry_run", bool, description="Check only, write nothing"),
                    OpenApiParameter("source", str, description="Where the figures come from")],
        responses={200: ImportedSerializer, **WRITE_ERRORS})
    def post(self, request: Request) -> Response:
        dry_run = request.query_params.get("dry_run", "").lower() in ("1", "true", "yes")
        source = clean_text(request.query_params.get("source", ""), "source")
        raw, filename, json_rows = uploaded(request, {c.key for c in SPEC.columns})
        result = import_observations(request.municipality, request.user, raw, filename,
                                     source, dry_run=dry_run)
        if result.errors:
            raise row_problems(result.errors, json_rows)
        record = result.outcome
        return Response({"written": result.written, "rows": len(result.validated.rows),
                         "replaced": record.replaced if record is not None else 0,
                         "source_import": record.pk if record is not None else None})


ENDPOINTS = [
    Endpoint("indicators/", "indicators", {"GET": AGGREGATES}, IndicatorList, list_view=True),
    Endpoint("indicators/<int:pk>/", "indicator", {"GET": AGGREGATES}, IndicatorDetail,
             obj=Indicator),
    Endpoint("observations/", "observations", {"GET": EXACT}, ObservationList,
             list_view=True),
    Endpoint("observations/bulk", "observations_bulk",
             {"POST": "monitoring.indicators:write"}, ObservationBulk),
]
