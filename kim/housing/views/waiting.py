"""The private-housing waiting list: ranked with explanations, entries, priority policy,
recording a placement into a flat."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.exports import FORMATS, table_response
from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.pickers import enable_picker, picker_response
from kim.core.views.base import (
    add_errors,
    form_page,
    paginate,
    query_without_page,
    tenant_url,
    tenant_view,
)
from kim.housing.domain import waitlist
from kim.housing.domain.occupancy import free_places
from kim.housing.forms.placement import (
    CloseForm,
    EntryForm,
    PlacementFilterForm,
    PlacementForm,
    PolicyForm,
)
from kim.housing.models import EntryStatus, Kind, Unit, WaitingListEntry
from kim.housing.texts import reason_text
from kim.housing.waiting import CRITERION_LABELS, WAITING_TEXTS
from kim.people.domain.households import picker_choices
from kim.people.models import Household


def _list_url(request: TenantRequest) -> str:
    return tenant_url(request, "housing:waiting_list")


def _score_text(label: str, s: Any) -> str:
    return _("%(label)s: %(value)s (counted %(counted)s) × %(weight)s = %(points)s points") % {
        "label": label, "value": s.value, "counted": s.counted, "weight": s.weight,
        "points": s.points}


def _export_waiting(rows: list[dict[str, Any]], fmt: str) -> HttpResponse:
    headers = [_("Position"), _("Household"), _("Persons"), _("On the list since"),
               _("Points"), _("Eligibility"), _("Why this position")]
    lines = ([r["position"] or "", str(r["entry"].household), r["size"],
              r["entry"].applied_on, r["score"] if r["position"] else "", r["eligibility"],
              "; ".join(r["scores"] + ([r["tie"]] if r["tie"] else []))] for r in rows)
    return table_response("warteliste", fmt, headers, lines)


@tenant_view("housing.waiting:read", list_view=True)
def waiting_list(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    today = timezone.localdate()
    policy = waitlist.policy_of(town)
    rows = []
    for row in waitlist.ranked_list(town, today, policy):
        r = row.ranked
        rows.append({
            "entry": row.entry, "position": r.position, "score": r.score, "size": row.size,
            "eligibility": reason_text(r.eligibility.reason, WAITING_TEXTS),
            "tie": reason_text(r.tie_break, WAITING_TEXTS) if r.tie_break else "",
            "scores": [_score_text(_(CRITERION_LABELS[s.criterion]), s) for s in r.scores]})
    fmt = request.GET.get("format")
    if fmt:
        if fmt not in FORMATS:
            raise Http404
        return _export_waiting(rows, fmt)
    return render(request, "housing/waiting_list.html", {
        "eligible": [r for r in rows if r["position"] is not None],
        "ineligible": [r for r in rows if r["position"] is None],
        "policy": policy, "policy_name": _(policy.name), "today": today,
        "criteria": [(_(CRITERION_LABELS[c.criterion]), c) for c in policy.criteria],
        "can_write": has_perm(request.user, "housing.waiting:write", town)})


@tenant_view("housing.waiting:write")
def entry_add(request: TenantRequest) -> HttpResponse:
    initial = {"household": request.GET.get("household", "")}
    form = EntryForm(request.POST or None, initial=initial)
    enable_picker(form["household"], tenant_url(request, "housing:waiting_households"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            waitlist.add_entry(request.municipality, data["household"],
                               data["applied_on"], data["note"], request.user)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The household was put on the waiting list."))
            return HttpResponseRedirect(_list_url(request))
    return form_page(request, form, title=_("Put a household on the waiting list"),
                     cancel_url=_list_url(request))


@tenant_view("housing.waiting:write", list_view=True)
def household_choices(request: TenantRequest) -> HttpResponse:
    """The household picker of the waiting list form (JSON, kim/core/pickers.py)."""
    return picker_response(request, lambda text: picker_choices(request.municipality, text))


@tenant_view("housing.waiting:write")
def policy_edit(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    form = PolicyForm(request.POST or None, policy=waitlist.policy_of(town))
    if request.method == "POST" and form.is_valid():
        waitlist.save_policy(town, form.cleaned_data["policy"], request.user)
        messages.success(request, _("The priority order was saved."))
        return HttpResponseRedirect(_list_url(request))
    return form_page(request, form, title=_("Priority order of the waiting list"),
                     cancel_url=_list_url(request), intro=_(
                         "Points = points per unit × the value (up to the cap). Every "
                         "position on the list shows its points per criterion."))


def _active():  # type: ignore[no-untyped-def]
    return WaitingListEntry.objects.select_related("household").filter(
        status=EntryStatus.ACTIVE)


def _placement_page(request: TenantRequest, household: Household, back: str) -> HttpResponse:
    town = request.municipality
    flats = free_places(town, timezone.localdate()).filter(
        unit__facility__kind=Kind.RENTED_FLAT).values("unit_id")
    units = Unit.objects.filter(pk__in=flats).select_related("facility")
    form = PlacementForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            waitlist.record_placement(household, data["kind"], data["on"], unit=data["unit"],
                                      note=data["note"], user=request.user)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The placement was recorded."))
            return HttpResponseRedirect(back)
    return form_page(request, form, title=_("Placement of %(household)s") % {
        "household": household}, cancel_url=back, intro=_(
            "Private flat: the household's current stays end with the reason \"own flat\". "
            "Flat rented by the municipality: the household moves there. A waiting list "
            "entry of the household is closed as placed."))


@tenant_view("housing.waiting:write", obj=_active)
def entry_place(request: TenantRequest, entry: WaitingListEntry) -> HttpResponse:
    return _placement_page(request, entry.household, _list_url(request))


@tenant_view("housing.waiting:write", obj=lambda: Household.objects.filter(dissolved_on=None))
def household_placement(request: TenantRequest, household: Household) -> HttpResponse:
    """A household placed into a flat without being on the waiting list."""
    return _placement_page(request, household, tenant_url(request, "housing:placement_list"))


@tenant_view("housing.waiting:read", list_view=True)
def placement_list(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    form = PlacementFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = waitlist.placements(town, data.get("placed_from"), data.get("placed_to"),
                             data.get("kind", ""))
    fmt = request.GET.get("format")
    if fmt:
        if fmt not in FORMATS:
            raise Http404
        rows = ([p.placed_on, str(p.household), p.size or 0, p.get_kind_display(),
                 p.get_regime_display(), _("yes") if p.entry_id else _("no"), p.note]
                for p in qs)
        return table_response("vermittlungen", fmt, [
            _("Placed on"), _("Household"), _("Persons (today)"), _("Placed into"),
            _("Benefit regime at placement"), _("From the waiting list"), _("Note")], rows)
    return render(request, "housing/placements.html", {
        "form": form, "page": paginate(request, qs), "query": query_without_page(request),
        "can_read_persons": has_perm(request.user, "people.persons:read", town),
        "can_write": has_perm(request.user, "housing.waiting:write", town)})


@tenant_view("housing.waiting:write", obj=_active)
def entry_withdraw(request: TenantRequest, entry: WaitingListEntry) -> HttpResponse:
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            waitlist.close(entry, EntryStatus.WITHDRAWN, form.cleaned_data["on"],
                           form.cleaned_data["note"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The entry was withdrawn."))
            return HttpResponseRedirect(_list_url(request))
    return form_page(request, form, title=_("Withdraw %(household)s from the waiting list")
                     % {"household": entry.household}, cancel_url=_list_url(request))
