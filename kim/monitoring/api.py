"""The monitoring module's REST endpoints (``KimModule.api``): the indicator catalogue
with each indicator's table, and the observations.

As on the pages: the catalogue and the tables for the aggregate audiences
(``reports.monitoring_aggregates:read``), counts of persons disclosure-controlled for
them (kim.monitoring.domain.series); the observations one by one only for readers of the
exact figures (``monitoring.indicators:read``, the permission the indicator page checks
before it shows them)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from kim.api.declare import Endpoint
from kim.api.views.base import READ_ERRORS, ApiView, paged
from kim.api.views.lists import Filter, Listing, by_id_and
from kim.core.permissions.check import has_perm
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

    class Meta:
        model = Observation
        fields = ["id", "indicator", "period", "area", "value", "previous", "computed"]
        read_only_fields = fields


OBSERVATIONS = Listing(
    filters=[Filter("indicator", "indicator_id", "int"),
             Filter("area", "area_id", "int"),
             Filter("town", "area__isnull", "bool",
                    description="Only the figures of the whole municipality"),
             Filter("period_from", "period__gte", "date"),
             Filter("period_to", "period__lte", "date")],
    orderings=by_id_and("period"))


class ObservationList(ApiView):
    @extend_schema(operation_id="observations_list", parameters=OBSERVATIONS.parameters(),
                   responses={200: paged(ObservationSerializer), **READ_ERRORS})
    def get(self, request: Request) -> Response:
        return OBSERVATIONS.respond(self, request, Observation.objects.all(),
                                    lambda page: ObservationSerializer(page, many=True).data)


ENDPOINTS = [
    Endpoint("indicators/", "indicators", {"GET": AGGREGATES}, IndicatorList, list_view=True),
    Endpoint("indicators/<int:pk>/", "indicator", {"GET": AGGREGATES}, IndicatorDetail,
             obj=Indicator),
    Endpoint("observations/", "observations", {"GET": EXACT}, ObservationList,
             list_view=True),
]
