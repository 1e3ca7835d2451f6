"""Worklists: "Unterbringung – Hinweise" (three-phase flags) and the Fehlbeleger page."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.permissions.check import has_perm
from kim.core.views.base import tenant_view
from kim.housing.domain import fehlbeleger
from kim.housing.domain.hints import all_flags
from kim.housing.forms.stays import HintFilterForm

FLAG_LABELS = {
    "uma_shared": _("Unaccompanied minor in shared accommodation"),
    "phase1_over_6_months": _("Phase I longer than the policy allows"),
    "skip_phase1": _("Group that should skip Phase I"),
    "phase3_due": _("Phase III (own flat) due by the policy"),
}


def _place(stay) -> str:  # type: ignore[no-untyped-def]
    return f"{stay.place.unit.facility.name}, {stay.place.unit.name}"


HINTS = Listing("hinweise_unterbringung", [
    Column("person", _("Person"), value=lambda f: str(f.person),
           sort=lambda f: str(f.person).casefold()),
    Column("place", _("Facility"), value=lambda f: _place(f.stay),
           sort=lambda f: _place(f.stay).casefold()),
    Column("kind", _("Kind of hint"), value=lambda f: str(FLAG_LABELS[f.kind]),
           sort=lambda f: str(FLAG_LABELS[f.kind])),
    Column("since", _("Since"), value=lambda f: f.since, sort=lambda f: f.since),
    Column("hint", _("Hint"), value=lambda f: f.message),
])

FEHLBELEGER = Listing("fehlbeleger", [
    Column("person", _("Person"), value=lambda e: str(e.stay.person),
           sort=lambda e: str(e.stay.person).casefold()),
    Column("facility", _("Facility"), value=lambda e: e.stay.place.unit.facility.name,
           sort=lambda e: e.stay.place.unit.facility.name.casefold()),
    Column("start", _("Living there since"), value=lambda e: e.stay.start,
           sort=lambda e: e.stay.start),
    Column("since", _("Entitled since"), value=lambda e: e.since, sort=lambda e: e.since),
])


@tenant_view("housing.stays:read", list_view=True)
def hints(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    form = HintFilterForm(request.GET or None, labels=FLAG_LABELS)
    kind = form.cleaned_data.get("kind", "") if form.is_valid() else ""
    today = timezone.localdate()
    flags = all_flags(town, today, kind)
    counts: dict[str, int] = {}
    for flag in (flags if not kind else all_flags(town, today)):
        counts[flag.kind] = counts.get(flag.kind, 0) + 1
    table = HINTS.run(request, flags)
    if table.response:
        return table.response
    return render(request, "housing/hints.html", {
        "form": form, "table": table, "page": table.page, "today": today,
        "summary": [(FLAG_LABELS[k], counts.get(k, 0)) for k in FLAG_LABELS],
        "labels": FLAG_LABELS,
        "can_read_persons": has_perm(request.user, "people.persons:read", town),
        "can_write_stays": has_perm(request.user, "housing.stays:write", town)})


@tenant_view("housing.stays:read", list_view=True)
def fehlbeleger_page(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    today = timezone.localdate()
    entries, residents = fehlbeleger.listing(town, today)
    points = fehlbeleger.trend(town, today)
    rate = round(100 * len(entries) / residents, 1) if residents else None
    table = FEHLBELEGER.run(request, entries)
    if table.response:
        return table.response
    return render(request, "housing/fehlbeleger.html", {
        "table": table, "page": table.page, "entries": entries, "residents": residents,
        "rate": rate, "points": points, "today": today,
        "can_read_persons": has_perm(request.user, "people.persons:read", town)})
