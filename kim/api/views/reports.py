"""Every registered report with its parameters, as the report pages give it: the same
audience rule (person-level detail or disclosure-controlled aggregates), the same
parameter form (aggregate audiences get month-end dates only), the JSON of product.md §7."""

from __future__ import annotations

from typing import Any

from django.http import Http404, QueryDict
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from kim.api import problems
from kim.api.views.base import READ_ERRORS, ApiView, form_errors
from kim.core.reports.forms import ReportParamsForm
from kim.core.reports.registry import reports
from kim.core.reports.renderers.as_json import as_dict
from kim.core.reports.service import Audience, audience_for, produce


class ReportEntrySerializer(serializers.Serializer):  # type: ignore[type-arg]
    name = serializers.CharField()
    title = serializers.CharField()
    aggregate = serializers.BooleanField(help_text="Disclosure-controlled aggregates only")
    parameters = serializers.ListField(child=serializers.CharField())


class ReportListSerializer(serializers.Serializer):  # type: ignore[type-arg]
    results = ReportEntrySerializer(many=True)


class ReportResultSerializer(serializers.Serializer):  # type: ignore[type-arg]
    report = serializers.CharField()
    municipality = serializers.CharField()
    as_of = serializers.DateField()
    rows = serializers.ListField(child=serializers.DictField())
    totals = serializers.DictField()
    suppressed = serializers.BooleanField()
    data_problems = serializers.DictField(required=False)


class ReportList(ApiView):
    @extend_schema(operation_id="reports_list",
                   responses={200: ReportListSerializer, **READ_ERRORS})
    def get(self, request: Request) -> Response:
        entries = []
        for report in reports:
            audience = audience_for(request.user, report, request.municipality)
            if audience is not None:
                entries.append({"name": report.name, "title": str(report.title),
                                "aggregate": audience is Audience.AGGREGATE,
                                "parameters": list(report.params)})
        return Response({"results": entries})


class ReportDetail(ApiView):
    @extend_schema(
        operation_id="reports_read",
        parameters=[OpenApiParameter("as_of", str, description="YYYY-MM-DD; aggregates: a "
                                     "month end"),
                    OpenApiParameter("period_start", str), OpenApiParameter("area", int)],
        responses={200: ReportResultSerializer, **READ_ERRORS})
    def get(self, request: Request, name: str) -> Response:
        if name not in reports:
            raise Http404("No such report")
        report = reports.get(name)
        audience = audience_for(request.user, report, request.municipality)
        assert audience is not None  # the access rule checked it
        query = QueryDict(mutable=True)
        query["as_of"] = ""  # a bound form even without parameters: empty means the default
        for key in ("as_of", "period_start", "area"):
            if key in request.query_params:
                query[key] = request.query_params[key]
        form = ReportParamsForm(query, report=report, municipality=request.municipality,
                                aggregate=audience is Audience.AGGREGATE)
        if not form.is_valid():
            raise problems.Invalid(form_errors(form))
        result = produce(report, request.municipality, form.params(), audience=audience)
        data: dict[str, Any] = as_dict(result)
        return Response(data)
