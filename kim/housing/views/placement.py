"""Placement: ranked suggestions for one household, and the plan for a whole arrival
(computed, reviewed, optionally pinned, confirmed – nothing is written before)."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kim.core.forms.dates import in_bounds
from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import tenant_redirect, tenant_view
from kim.housing.domain import placement as domain
from kim.housing.domain.policy import three_phase
from kim.housing.forms.placement import ArrivalFilterForm, ArrivalPlanForm
from kim.housing.placement import PlacementError, solve, suggest
from kim.housing.texts import reason_text
from kim.housing.views import day_param
from kim.people.models import Household

SESSION_KEY = "housing_arrival"
SHOWN_SUGGESTIONS = 15


@tenant_view("housing.waiting:read", obj=Household)
def household_suggestions(request: TenantRequest, household: Household) -> HttpResponse:
    town = request.municipality
    day = day_param(request)
    can_write = has_perm(request.user, "housing.stays:write", town)
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied
        unit = request.POST.get("unit", "")
        try:
            day = datetime.date.fromisoformat(request.POST.get("on", ""))
            if not in_bounds(day):
                raise ValueError(day)
            count = domain.write_plan(town, {str(household.pk): unit}, day, user=request.user)
        except (ValueError, ValidationError) as exc:
            for text in getattr(exc, "messages", [_("Invalid date or unit.")]):
                messages.error(request, text)
        else:
            messages.success(request, _("%(count)s persons moved in.") % {"count": count})
            return tenant_redirect(request, "housing:household_suggestions", pk=household.pk)
    members = domain.members_of([household], day).get(household.pk, [])
    need = (domain.need_for(str(household.pk), members, day, three_phase(town, day))
            if members else None)
    ranked, excluded = [], []
    if need is not None:
        offers = domain.offers(town, day)
        found = suggest(need, list(offers.values()))
        units = domain.unit_names([s.unit_key for s in found])
        rows = [{"unit": units[s.unit_key], "rank": s.rank, "cost": s.cost,
                 "free": offers[s.unit_key].free_places,
                 "reasons": [reason_text(r) for r in s.reasons]} for s in found]
        ranked = [r for r in rows if r["rank"] is not None][:SHOWN_SUGGESTIONS]
        excluded = [r for r in rows if r["rank"] is None]
    return render(request, "housing/suggestions.html", {
        "household": household, "members": members, "need": need, "day": day,
        "ranked": ranked, "excluded": excluded, "can_write": can_write,
        "housed": any(m.open_stay for m in members)})


@tenant_view("housing.stays:write")
def arrival(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    today = timezone.localdate()
    data = request.GET.copy()
    data.setdefault("assigned_from", (today - datetime.timedelta(days=90)).isoformat())
    filters = ArrivalFilterForm(data)
    period = filters.cleaned_data if filters.is_valid() else {}
    households = domain.arrival_households(today, period.get("assigned_from"),
                                     period.get("assigned_to"))
    members = domain.members_of(households, today)
    choices = [(h.pk, ngettext("%(household)s (%(count)s person)",
                               "%(household)s (%(count)s persons)", n)
                % {"household": h, "count": n})
               for h in households for n in [len(members.get(h.pk, []))]]
    # A bus is planned as a whole: every household is ticked until the user unticks it.
    form = ArrivalPlanForm(request.POST or None, choices=choices,
                           initial={"households": [h.pk for h in households]})
    if request.method == "POST" and form.is_valid():
        chosen = [h for h in households if h.pk in set(form.cleaned_data["households"])]
        on = form.cleaned_data["on"]
        plan = solve(list(domain.needs(chosen, on).values()),
                     list(domain.offers(town, on).values()))
        request.session[SESSION_KEY] = {"on": on.isoformat(), "pins": {},
                                        "households": [h.pk for h in chosen],
                                        "plan": plan.to_dict()}
        return tenant_redirect(request, "housing:arrival_review")
    return render(request, "housing/arrival.html", {
        "filters": filters, "form": form, "count": len(households),
        "limit": domain.ARRIVAL_LIMIT})


def _review_rows(state: dict[str, Any], households: dict[str, Household],
                 units: dict[str, Any]) -> tuple[list, list]:
    plan = state["plan"]
    placed = [{"household": households[a["household"]], "key": a["household"],
               "size": a["size"], "unit": units.get(a["unit"]), "unit_key": a["unit"],
               "pinned": a["household"] in state["pins"],
               "reasons": [reason_text(r) for r in a["reasons"]]} for a in plan["assignments"]]
    unplaced = [{"household": households[u["household"]], "key": u["household"],
                 "size": u["size"], "reason": reason_text(u["reason"])} for u in plan["unplaced"]]
    return placed, unplaced


@tenant_view("housing.stays:write", get_status=302)
def arrival_review(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    state = request.session.get(SESSION_KEY)
    if not state:
        messages.info(request, _("Compute a proposal first."))
        return tenant_redirect(request, "housing:arrival")
    on = datetime.date.fromisoformat(state["on"])
    chosen = list(Household.objects.filter(pk__in=state["households"]))
    needs = domain.needs(chosen, on)
    offers = domain.offers(town, on)
    if request.method == "POST" and request.POST.get("action") == "confirm":
        pairs = {a["household"]: a["unit"] for a in state["plan"]["assignments"]}
        try:
            count = domain.write_plan(town, pairs, on, user=request.user)
        except ValidationError as exc:
            for text in exc.messages:
                messages.error(request, text)
        else:
            del request.session[SESSION_KEY]
            messages.success(request, _("The plan was written: %(count)s persons moved in.")
                             % {"count": count})
            return tenant_redirect(request, "housing:arrival")
    elif request.method == "POST":
        pins = {key: request.POST[f"pin-{key}"] for key in needs
                if request.POST.get(f"pin-{key}")}
        try:
            plan = solve(list(needs.values()), list(offers.values()), fixed=pins)
        except PlacementError as exc:
            messages.error(request, _("The changed choice is not possible: %(error)s")
                           % {"error": exc})
        else:
            state.update(pins=pins, plan=plan.to_dict())
            request.session[SESSION_KEY] = state
            return tenant_redirect(request, "housing:arrival_review")
    units = domain.unit_names(list(offers))
    placed, unplaced = _review_rows(state, {str(h.pk): h for h in chosen}, units)
    for row in placed + unplaced:
        need = needs.get(row["key"])
        row["options"] = [] if need is None else [
            (s.unit_key, units[s.unit_key]) for s in
            suggest(need, list(offers.values()), include_excluded=False)][:SHOWN_SUGGESTIONS]
    return render(request, "housing/arrival_review.html", {
        "state": state, "plan": state["plan"], "placed": placed, "unplaced": unplaced,
        "on": on})
