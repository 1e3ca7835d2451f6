"""Proposing assignments (the optimiser; nothing is written before the coordinator
confirms) and the assignment's life cycle: agree, start, end, hours, feedback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import (
    form_page,
    paginate,
    run_form,
    tenant_redirect,
    tenant_url,
    tenant_view,
)
from kim.volunteers.domain import lifecycle, proposal
from kim.volunteers.forms import DayForm, EndForm, FeedbackForm, HoursForm
from kim.volunteers.models import Match


@tenant_view("volunteers.pool:write")
def propose(request: TenantRequest) -> HttpResponse:
    today = timezone.localdate()
    errors: list[str] = []
    if request.method == "POST":
        try:
            with transaction.atomic():
                created = proposal.confirm(request.municipality, proposal.parse_pairs(
                    request.POST.getlist("pair")), today)
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("Assignments proposed: %(count)s. Ask the "
                                        "volunteers and record their answer.")
                             % {"count": len(created)})
            return tenant_redirect(request, "volunteers:match_list")
    return render(request, "volunteers/propose.html", {
        "proposal": proposal.propose(request.municipality, today), "errors": errors})


@tenant_view("volunteers.pool:read", list_view=True)
def match_list(request: TenantRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    qs = Match.objects.select_related("volunteer", "request", "request__district")
    if state in Match.State.values:
        qs = qs.filter(state=state)
    else:
        state = ""
        qs = qs.exclude(state=Match.State.ENDED)
    return render(request, "volunteers/match_list.html", {
        "page": paginate(request, qs), "state": state, "states": Match.State.choices,
        "can_write": has_perm(request.user, "volunteers.pool:write", request.municipality)})


@tenant_view("volunteers.pool:read", obj=Match)
def match_detail(request: TenantRequest, match: Match) -> HttpResponse:
    return render(request, "volunteers/match_detail.html", {
        "match": match, "req": match.request, "hours": match.hours.all(),
        "shared": match.state in (Match.State.AGREED, Match.State.ACTIVE),
        "can_write": has_perm(request.user, "volunteers.pool:write", request.municipality)})


def _match_form(request: TenantRequest, match: Match, form: Any,
                action: Callable[[dict[str, Any]], Any], title: str,
                success: str) -> HttpResponse:
    back = tenant_url(request, "volunteers:match_detail", pk=match.pk)
    if run_form(request, form, action, success):
        return tenant_redirect(request, "volunteers:match_detail", pk=match.pk)
    return form_page(request, form, title=title, cancel_url=back)


OPEN = lambda: Match.objects.exclude(state=Match.State.ENDED)  # noqa: E731


@tenant_view("volunteers.pool:write", obj=lambda: Match.objects.filter(
    state__in=[Match.State.PROPOSED, Match.State.AGREED]))
def match_advance(request: TenantRequest, match: Match) -> HttpResponse:
    form = DayForm(request.POST or None, initial={"on": timezone.localdate()})
    title = (_("Volunteer and household agreed") if match.state == Match.State.PROPOSED
             else _("The assignment has started"))
    return _match_form(request, match, form, lambda d: lifecycle.advance(match, d["on"]),
                       title, _("The assignment was updated."))


@tenant_view("volunteers.pool:write", obj=OPEN)
def match_end(request: TenantRequest, match: Match) -> HttpResponse:
    form = EndForm(request.POST or None, initial={"on": timezone.localdate()})
    return _match_form(request, match, form,
                       lambda d: lifecycle.end(match, d["on"], d["reason"], d["note"]),
                       _("End the assignment"), _("The assignment was ended."))


@tenant_view("volunteers.pool:write", obj=lambda: Match.objects.filter(
    state__in=[Match.State.ACTIVE, Match.State.ENDED]))
def match_hours(request: TenantRequest, match: Match) -> HttpResponse:
    form = HoursForm(request.POST or None)
    return _match_form(request, match, form,
                       lambda d: lifecycle.record_hours(match, d["month"], d["hours"]),
                       _("Hours in a month"), _("The hours were recorded."))


@tenant_view("volunteers.pool:write", obj=Match)
def match_feedback(request: TenantRequest, match: Match) -> HttpResponse:
    form = FeedbackForm(request.POST or None, instance=match)
    return _match_form(request, match, form, lambda d: form.save(), _("Feedback"),
                       _("The feedback was saved."))
