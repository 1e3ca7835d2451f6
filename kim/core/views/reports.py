"""Report views: the list of reports a user may see and one report with its downloads.

Views stay thin: the audience (detail or aggregate) is decided by service.audience_for and
the figures come from service.produce, which applies disclosure control.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from kim.core.http import TenantRequest
from kim.core.reports.forms import ReportParamsForm
from kim.core.reports.jobs import BACKGROUND_FORMATS, runs_in_background, start_export
from kim.core.reports.registry import reports
from kim.core.reports.renderers import FORMATS
from kim.core.reports.renderers.as_html import chart_context, table_context
from kim.core.reports.service import Audience, any_report_visible, audience_for, produce
from kim.core.views.base import tenant_redirect, tenant_view

DOWNLOADS = [("csv", _("CSV")), ("xlsx", _("Excel (XLSX)")), ("pdf", _("PDF")),
             ("json", _("JSON"))]


def any_report(user: Any, municipality: Any, kwargs: Mapping[str, Any]) -> bool:
    return any_report_visible(user, municipality)


def named_report(user: Any, municipality: Any, kwargs: Mapping[str, Any]) -> bool:
    """The report named in the URL is visible (an unknown name passes: the view says 404)."""
    name = kwargs.get("name", "")
    return name not in reports or audience_for(user, reports.get(name), municipality) is not None


def _every_report(municipality: Any) -> list[dict[str, Any]]:
    return [{"name": name} for name in reports.names]


@tenant_view(access=any_report)
def report_list(request: TenantRequest) -> HttpResponse:
    entries = []
    for report in reports:
        audience = audience_for(request.user, report, request.municipality)
        if audience is not None:
            entries.append({"report": report, "aggregate": audience is Audience.AGGREGATE})
    return render(request, "reports/list.html", {"entries": entries})


@tenant_view(access=named_report, samples=_every_report)
def report_detail(request: TenantRequest, name: str) -> HttpResponse:
    if name not in reports:
        raise Http404("No such report")
    report = reports.get(name)
    audience = audience_for(request.user, report, request.municipality)
    if audience is None:
        raise PermissionDenied(report.permission)
    fmt = request.GET.get("format", "html")
    if fmt != "html" and fmt not in FORMATS:
        raise Http404("No such format")

    form = ReportParamsForm(request.GET, report=report, municipality=request.municipality,
                            aggregate=audience is Audience.AGGREGATE)
    context = {"report": report, "form": form, "table": None,
               "aggregate": audience is Audience.AGGREGATE}
    if not form.is_valid():  # a bad date: show the field error, never a 500
        return render(request, "reports/detail.html", context)
    if fmt in BACKGROUND_FORMATS and runs_in_background(fmt, request.municipality):
        job = start_export(request.municipality, request.user, report, fmt, form.params())
        return tenant_redirect(request, "core:job_detail", pk=job.pk)
    result = produce(report, request.municipality, form.params(), audience=audience)

    if fmt != "html":
        out = FORMATS[fmt]
        response = HttpResponse(out.render(result), content_type=out.content_type)
        response["Content-Disposition"] = f'attachment; filename="{result.filename(fmt)}"'
        return response
    context["table"] = table_context(result)
    context["chart"] = chart_context(result)
    background = runs_in_background(BACKGROUND_FORMATS[0], request.municipality)
    context["downloads"] = [{"label": label, "query": form.query(format=key),
                             "background": background and key in BACKGROUND_FORMATS}
                            for key, label in DOWNLOADS]
    context["background"] = background
    return render(request, "reports/detail.html", context)
