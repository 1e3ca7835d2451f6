"""The arrivals register page ([Kamp-Lintfort] "Zuweisungen 2021 und 2022")."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kim.core.http import TenantRequest
from kim.core.views.base import tenant_view
from kim.quota.domain.arrivals import arrivals as register_rows
from kim.quota.domain.arrivals import pivot
from kim.quota.domain.countries import country_name
from kim.quota.forms import ArrivalsFilterForm


@tenant_view("quota.arrivals:read", list_view=True)
def arrivals(request: TenantRequest) -> HttpResponse:
    today = timezone.localdate()
    form = ArrivalsFilterForm(request.GET or None)
    first = last = None
    if form.is_bound and form.is_valid():
        first, last = form.cleaned_data["first_year"], form.cleaned_data["last_year"]
    if first is None and last is None:
        first = today.year - 4  # the last five years unless asked otherwise
    rows = register_rows(request.municipality, today, first, last)
    years, table, totals = pivot(rows)
    return render(request, "quota/arrivals.html", {
        "form": form, "years": years, "totals": totals,
        "table": [(country_name(r.country), r) for r in table],
        "grand_total": (sum(p for p, _ in totals), sum(c for _, c in totals)),
    })
