"""Indicator list and detail (a chart with its data table), editing the catalogue, and the
observation import. Aggregate audiences see counts of persons disclosure-controlled."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.reports.disclosure import PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER
from kim.core.reports.renderers.text import suppression_note
from kim.core.views.base import form_page, tenant_redirect, tenant_url, tenant_view
from kim.monitoring.domain.chart import bar_chart, line_chart, period_format
from kim.monitoring.domain.imports import SPEC, import_observations
from kim.monitoring.domain.segregation import AREAS, INSTITUTIONS, segregation_series
from kim.monitoring.domain.series import TOWN, Column, series
from kim.monitoring.forms import ImportForm, IndicatorForm
from kim.monitoring.listing import INDICATORS
from kim.monitoring.models import Indicator, Level, ObservationImport, Topic
from kim.monitoring.module import AGGREGATES


def _shown(value: object) -> dict[str, str]:
    """A table cell: a figure in German notation, a marker with its explanation, or a
    dash for a period without a figure."""
    if value is None:
        return {"text": "–", "title": _("no figure")}
    if isinstance(value, str):
        titles = {PRIMARY_MARKER: _("fewer than 3, hidden to protect individuals"),
                  SECONDARY_MARKER: _("hidden so that the totals do not reveal a small "
                                      "number"),
                  SECRET_MARKER: _("kept secret")}
        return {"text": value, "title": titles.get(value, "")}
    return {"text": number_format(value, force_grouping=True), "title": ""}


def _schools_only(columns: list[Column]) -> bool:
    """Only institutions (schools, Kitas) and no districts: the pages say so."""
    units = [c for c in columns if c.key != TOWN]
    return bool(units) and all(c.institution_id is not None for c in units)


def _exact(request: TenantRequest) -> bool:
    return has_perm(request.user, "monitoring.indicators:read", request.municipality)


@tenant_view(AGGREGATES, list_view=True)
def indicator_list(request: TenantRequest) -> HttpResponse:
    indicators = (Indicator.objects.filter(municipality=request.municipality)
                  .annotate(latest=Max("observations__period"),
                            points=Count("observations")))
    topic = request.GET.get("topic", "")
    if topic in Topic.values:
        indicators = indicators.filter(topic=topic)
    table = INDICATORS.run(request, indicators, caption=_("Indicators"))
    if table.response:
        return table.response
    return render(request, "monitoring/indicator_list.html", {
        "table": table, "topics": Topic.choices, "topic": topic,
        "can_write": has_perm(request.user, "monitoring.indicators:write",
                              request.municipality)})


@tenant_view(AGGREGATES, obj=Indicator)
def indicator_detail(request: TenantRequest, indicator: Indicator) -> HttpResponse:
    table = series(indicator, aggregate=not _exact(request))
    chart_key = TOWN if table.values(TOWN) else next(
        (c.key for c in table.columns if table.values(c.key)), TOWN)
    chart_label = next((c.label for c in table.columns if c.key == chart_key), "")
    lines = [(row["period"], [_shown(row.get(c.key)) for c in table.columns])
             for row in table.rows]
    markers = [(None, v) for row in table.rows for v in row.values() if isinstance(v, str)]
    return render(request, "monitoring/indicator_detail.html", {
        "indicator": indicator, "table": table, "lines": lines,
        "has_areas": any(c.key != TOWN for c in table.columns),
        "compare_label": (_("Compare the institutions") if _schools_only(table.columns)
                          else _("Compare the districts")),
        "note": suppression_note(markers) if markers else "",
        "chart": line_chart(table.values(chart_key)), "chart_label": chart_label,
        "period_format": period_format([p for p, _v in table.values(chart_key)]),
        "can_write": has_perm(request.user, "monitoring.indicators:write",
                              request.municipality)})


@tenant_view(AGGREGATES, obj=Indicator)
def indicator_compare(request: TenantRequest, indicator: Indicator) -> HttpResponse:
    """The districts of one period side by side: a bar chart and its table, with the same
    disclosure control as the time series (the two pages give nothing away together)."""
    table = series(indicator, aggregate=not _exact(request))
    areas = [c for c in table.columns if c.key != TOWN]
    periods = [row["period"] for row in table.rows
               if any(row.get(c.key) is not None for c in areas)]
    wanted = request.GET.get("period", "")
    period = next((p for p in periods if p.isoformat() == wanted),
                  periods[-1] if periods else None)
    row = next((r for r in table.rows if r["period"] == period), {})
    cells = [(c.label, row.get(c.key)) for c in areas]
    bars = [(label, Decimal(value) if isinstance(value, int | Decimal) else value,
             _shown(value)["text"]) for label, value in cells]
    town = next(c for c in table.columns if c.key == TOWN)
    markers = [(None, v) for _label, v in cells + [(town.label, row.get(TOWN))]
               if isinstance(v, str)]
    return render(request, "monitoring/indicator_compare.html", {
        "indicator": indicator, "period": period, "periods": list(reversed(periods)),
        "heading": (_("Institutions compared") if _schools_only(table.columns)
                    else _("Districts compared")),
        "unit_label": _("Institution") if _schools_only(table.columns) else _("Area"),
        "chart": bar_chart(bars) if period else None,
        "cells": [(label, _shown(value)) for label, value in cells],
        "town": (town.label, _shown(row.get(TOWN))), "protected": table.protected,
        "note": suppression_note(markers) if markers else ""})


@tenant_view("monitoring.indicators:write", obj=Indicator)
def indicator_edit(request: TenantRequest, indicator: Indicator) -> HttpResponse:
    form = IndicatorForm(request.POST or None, instance=indicator,
                         municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The indicator was saved."))
        return tenant_redirect(request, "monitoring:indicator_detail", pk=indicator.pk)
    return form_page(request, form, title=_("Edit indicator"),
                     cancel_url=tenant_url(request, "monitoring:indicator_detail",
                                           pk=indicator.pk))


@tenant_view("monitoring.indicators:write", list_view=True)
def import_page(request: TenantRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    errors, record = [], None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_observations(request.municipality, request.user, upload,
                                     upload.name, form.cleaned_data["source"])
        if result.written:
            record = result.outcome
            messages.success(request, _("The observations were imported."))
        else:
            errors = result.errors
    history = ObservationImport.objects.filter(
        municipality=request.municipality).select_related("created_by")[:20]
    return render(request, "monitoring/import.html", {
        "form": form, "errors": errors, "record": record, "history": history,
        "columns": SPEC.columns})


@tenant_view(AGGREGATES, list_view=True)
def segregation(request: TenantRequest) -> HttpResponse:
    """Dissimilarity, isolation and exposure per period for a minority count and a total
    observed over the same units (districts, schools, Kitas)."""
    counts = list(Indicator.objects.filter(municipality=request.municipality,
                                           unit__in=("persons", "count")))
    by_code = {i.code: i for i in counts}
    minority = by_code.get(request.GET.get("minority", "pop.migration"))
    total = by_code.get(request.GET.get("total", "pop.total"))
    over = request.GET.get("over") or (
        INSTITUTIONS if minority and minority.level == Level.INSTITUTION else AREAS)
    over = over if over in (AREAS, INSTITUTIONS) else AREAS
    points, gaps = (segregation_series(minority, total, aggregate=not _exact(request),
                                       over=over)
                    if minority and total
                    and minority != total else ([], []))
    chart = line_chart([(p.period, Decimal(str(p.dissimilarity))) for p in points])
    return render(request, "monitoring/segregation.html", {
        "indicators": counts, "minority": minority, "total": total, "points": points,
        "over": over, "units": [(AREAS, _("districts and sub-districts")),
                                (INSTITUTIONS, _("institutions (schools, Kitas)"))],
        "gaps": gaps, "chart": chart, "chart_label": _("dissimilarity index"),
        "indicator": {"name": _("Segregation")}})
