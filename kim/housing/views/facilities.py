"""Facilities: the overview, the occupancy board, and recording facilities, units, places
and state facility counts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.localize import short_date
from kim.core.permissions.check import has_perm
from kim.core.views.base import form_page, tenant_url, tenant_view
from kim.housing.domain.hints import flags_for_stays
from kim.housing.domain.occupancy import Figures, board, figures_by_facility
from kim.housing.forms.facilities import (
    BlockForm,
    FacilityFilterForm,
    FacilityForm,
    StateCountForm,
    UnitForm,
)
from kim.housing.models import Facility, Kind, Place, StateFacilityCount, Unit
from kim.housing.views import board_url, day_param, to_board


def _occupied(row: dict[str, Any]) -> int | None:
    """Occupied places – for a state facility its latest count of persons."""
    if not row["state"]:
        return int(row["figures"].occupied)
    latest = next(iter(row["facility"].counts.all()), None)
    return latest.persons if latest else None


def _figure(name: str) -> Callable[[dict[str, Any]], Any]:
    """A figure of a facility with places (a state facility has none: its count only)."""
    return lambda row: None if row["state"] else getattr(row["figures"], name)


FACILITIES = Listing("unterkuenfte", [
    Column("name", _lazy("Facility"), value=lambda r: r["facility"].name,
           sort=lambda r: r["facility"].name.casefold()),
    Column("kind", _lazy("Kind"), value=lambda r: r["facility"].get_kind_display(),
           sort=lambda r: r["order"]),
    Column("area", _lazy("Area"), value=lambda r: str(r["facility"].area or ""),
           sort=lambda r: str(r["facility"].area or "").casefold()),
    Column("target", _lazy("Target use"), value=lambda r: r["target"]),
    Column("capacity", _lazy("Places"), value=_figure("capacity"), sort=_figure("capacity"),
           numeric=True),
    Column("occupied", _lazy("Occupied"), value=_occupied, sort=_occupied, numeric=True),
    Column("free", _lazy("Free"), value=_figure("free"), sort=_figure("free"), numeric=True),
    Column("blocked", _lazy("Blocked"), value=_figure("blocked"), sort=_figure("blocked"),
           numeric=True),
    Column("rate", _lazy("Occupancy rate"), value=_figure("rate"), sort=_figure("rate"),
           numeric=True),
], default="kind")


def _target(facility: Facility) -> str:
    if facility.kind == Kind.STATE:
        return ""
    text = str(facility.get_target_use_display())
    return f"{text}, {_('accessible')}" if facility.accessible else text


@tenant_view("housing.facilities:read", list_view=True)
def facility_list(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    day = day_param(request)
    figures = figures_by_facility(town, day)
    form = FacilityFilterForm(request.GET or None)
    kind = form.cleaned_data.get("kind") if form.is_valid() else ""
    everything = list(Facility.objects.filter(municipality=town).select_related("area")
                      .prefetch_related("counts").order_by("name", "pk"))
    order = {k: i for i, k in enumerate(Kind.values)}
    rows = [{"facility": f, "figures": figures.get(f.pk, Figures()), "state": f.kind == Kind.STATE,
             "order": order[f.kind], "target": _target(f)}
            for f in everything if not kind or f.kind == kind]
    table = FACILITIES.run(request, rows, caption=_("Occupancy on %(date)s") % {
        "date": short_date(day)})
    if table.response:
        return table.response
    total = Figures()
    for fig in (figures.get(f.pk) for f in everything):
        if fig is not None:
            total.capacity += fig.capacity
            total.occupied += fig.occupied
            total.blocked += fig.blocked
    return render(request, "housing/facility_list.html", {
        "table": table, "form": form, "any": bool(everything), "total": total, "day": day,
        "is_today": day == timezone.localdate(),
        "can_write": has_perm(request.user, "housing.facilities:write", town)})


@tenant_view("housing.stays:read", obj=Facility)
def facility_board(request: TenantRequest, facility: Facility) -> HttpResponse:
    town = request.municipality
    day = day_param(request)
    is_today = day == timezone.localdate()

    def may(name: str) -> bool:
        return has_perm(request.user, name, town)

    units = board(facility, day) if not facility.is_state else []
    figures = Figures()
    for unit in units:
        for row in unit.places:
            figures.capacity += 1
            figures.occupied += row.status == "occupied"
            figures.blocked += row.status == "blocked"
    if is_today:
        rows = [r for u in units for r in u.places if r.stay is not None]
        flags = flags_for_stays([r.stay for r in rows], day)
        for row in rows:
            row.flags = flags.get(row.stay.pk, [])
    return render(request, "housing/board.html", {
        "facility": facility, "units": units, "figures": figures, "day": day,
        "is_today": is_today, "counts": list(facility.counts.all()) if facility.is_state else [],
        "can_write_facility": may("housing.facilities:write"),
        "can_write_stays": may("housing.stays:write") and is_today,
        "can_read_persons": may("people.persons:read"),
        "can_read_incidents": may("housing.incidents:read")})


def _facility_form(request: TenantRequest, facility: Facility) -> HttpResponse:
    form = FacilityForm(request.POST or None, instance=facility)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("The facility was saved."))
        return to_board(request, saved.pk)
    cancel = (board_url(request, facility.pk) if facility.pk else
              tenant_url(request, "housing:facility_list"))
    title = _("Change facility") if facility.pk else _("New facility")
    return form_page(request, form, title=title, cancel_url=cancel)


@tenant_view("housing.facilities:write")
def facility_create(request: TenantRequest) -> HttpResponse:
    return _facility_form(request, Facility(municipality=request.municipality))


@tenant_view("housing.facilities:write", obj=Facility)
def facility_edit(request: TenantRequest, facility: Facility) -> HttpResponse:
    return _facility_form(request, facility)


def _unit_form(request: TenantRequest, unit: Unit) -> HttpResponse:
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            labels = set(saved.places.values_list("label", flat=True))
            number, added = 1, 0
            while added < form.cleaned_data["places"]:
                if str(number) not in labels:
                    Place.objects.create(municipality_id=saved.municipality_id, unit=saved,
                                         label=str(number))
                    added += 1
                number += 1
        messages.success(request, _("The unit was saved."))
        return to_board(request, saved.facility_id, f"unit-{saved.pk}")
    title = (_("Change unit %(name)s") % {"name": unit.name} if unit.pk
             else _("New unit in %(facility)s") % {"facility": unit.facility})
    return form_page(request, form, title=title,
                     cancel_url=board_url(request, unit.facility_id))


@tenant_view("housing.facilities:write", obj=lambda: Facility.objects.exclude(kind=Kind.STATE))
def unit_add(request: TenantRequest, facility: Facility) -> HttpResponse:
    return _unit_form(request, Unit(municipality_id=facility.municipality_id, facility=facility))


@tenant_view("housing.facilities:write", obj=lambda: Unit.objects.select_related("facility"))
def unit_edit(request: TenantRequest, unit: Unit) -> HttpResponse:
    return _unit_form(request, unit)


@tenant_view("housing.facilities:write",
             obj=lambda: Place.objects.select_related("unit__facility"))
def place_block(request: TenantRequest, place: Place) -> HttpResponse:
    form = BlockForm(request.POST or None, instance=place)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The place was saved."))
        return to_board(request, place.unit.facility_id, f"unit-{place.unit_id}")
    return form_page(request, form, title=_("Block or release place %(place)s") % {
        "place": place}, cancel_url=board_url(request, place.unit.facility_id))


@tenant_view("housing.facilities:write", obj=lambda: Facility.objects.filter(kind=Kind.STATE))
def state_count_add(request: TenantRequest, facility: Facility) -> HttpResponse:
    form = StateCountForm(request.POST or None, instance=StateFacilityCount(
        municipality_id=facility.municipality_id, facility=facility))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The count was saved."))
        return to_board(request, facility.pk)
    return form_page(request, form, title=_("Persons in %(facility)s") % {
        "facility": facility}, cancel_url=board_url(request, facility.pk),
        intro=_("An aggregate figure from the state: how many persons live in the facility "
                "on the date. It holds until the next count; record 0 when it closes."))
