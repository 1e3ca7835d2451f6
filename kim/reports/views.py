"""Report views: the list of reports a user may see and one report with its downloads.

Views stay thin: the audience (detail or aggregate) is decided by service.audience_for and
the figures come from service.produce, which applies disclosure control.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.reports.forms import AsOfForm
from kim.reports.registry import reports
from kim.reports.renderers import FORMATS
from kim.reports.renderers.as_html import table_context
from kim.reports.service import Audience, audience_for, produce

DOWNLOADS = [("csv", _("CSV")), ("xlsx", _("Excel (XLSX)")), ("pdf", _("PDF")),
             ("json", _("JSON"))]


def report_list(request: HttpRequest, municipality: str) -> HttpResponse:
    """403 unless the user may see at least one report (detail or aggregate)."""
    entries = []
    for report in reports:
        audience = audience_for(request.user, report, request.municipality)  # type: ignore[attr-defined]
        if audience is not None:
            entries.append({"report": report, "aggregate": audience is Audience.AGGREGATE})
    if not entries:
        raise PermissionDenied("no report visible")
    return render(request, "reports/list.html", {"entries": entries})


def report_detail(request: HttpRequest, municipality: str, name: str) -> HttpResponse:
    if name not in reports:
        raise Http404("No such report")
    report = reports.get(name)
    audience = audience_for(request.user, report, request.municipality)  # type: ignore[attr-defined]
    if audience is None:
        raise PermissionDenied(report.permission)
    fmt = request.GET.get("format", "html")
    if fmt != "html" and fmt not in FORMATS:
        raise Http404("No such format")

    form = AsOfForm(request.GET)
    context = {"report": report, "form": form, "table": None,
               "aggregate": audience is Audience.AGGREGATE}
    if not form.is_valid():  # a bad date: show the field error, never a 500
        return render(request, "reports/detail.html", context)
    as_of = form.cleaned_data["as_of"] or timezone.localdate()
    result = produce(report, request.municipality, as_of, audience=audience)  # type: ignore[attr-defined]

    if fmt != "html":
        out = FORMATS[fmt]
        response = HttpResponse(out.render(result), content_type=out.content_type)
        response["Content-Disposition"] = f'attachment; filename="{result.filename(fmt)}"'
        return response
    context["table"] = table_context(result)
    context["downloads"] = [
        {"label": label, "query": f"as_of={as_of.isoformat()}&format={key}"}
        for key, label in DOWNLOADS
    ]
    return render(request, "reports/detail.html", context)
