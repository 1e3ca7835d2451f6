"""The life of an assignment: proposed → agreed → active → ended (with a reason), and
what it means for its request: an assignment that ends because the need was met serves
the request; any other end (declined, stopped, did not work out) opens it again, so it
comes back into the next proposal."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kim.volunteers.models import Match, MatchHours, Request

NEXT = {Match.State.PROPOSED: Match.State.AGREED, Match.State.AGREED: Match.State.ACTIVE}


def advance(match: Match, on: datetime.date) -> Match:
    """proposed → agreed (volunteer and household said yes) → active (first meeting)."""
    target = NEXT.get(Match.State(match.state))
    if target is None:
        raise ValidationError(_("This assignment cannot move on from its state."))
    if on < match.proposed_on:
        raise ValidationError({"on": _("The date lies before the proposal.")})
    match.state = target
    if target == Match.State.AGREED:
        match.agreed_on = on
    else:
        match.started_on = on
    match.save()
    return match


def end(match: Match, on: datetime.date, reason: str, note: str = "") -> Match:
    if match.state == Match.State.ENDED:
        raise ValidationError(_("This assignment has already ended."))
    if reason not in Match.EndReason.values:
        raise ValidationError({"reason": _("Choose a reason.")})
    first = match.started_on or match.agreed_on or match.proposed_on
    if on < first:
        raise ValidationError({"on": _("The end lies before the assignment began.")})
    match.state, match.ended_on, match.end_reason, match.end_note = (
        Match.State.ENDED, on, reason, note)
    match.save()
    request = match.request
    if request.status == Request.Status.MATCHED and not request.matches.exclude(
            state=Match.State.ENDED).exists():
        request.status = (Request.Status.CLOSED if reason == Match.EndReason.COMPLETED
                          else Request.Status.OPEN)
        request.save(update_fields=["status"])
    return match


def record_hours(match: Match, month: datetime.date, hours: Decimal) -> MatchHours:
    """Hours of one month (replacing an earlier figure for that month)."""
    if match.state not in (Match.State.ACTIVE, Match.State.ENDED):
        raise ValidationError(_("Hours can be recorded for active assignments only."))
    month = month.replace(day=1)
    if match.started_on and month < match.started_on.replace(day=1):
        raise ValidationError({"month": _("The month lies before the assignment started.")})
    row, _created = MatchHours.objects.update_or_create(
        match=match, month=month,
        defaults={"hours": hours, "municipality_id": match.municipality_id})
    return row


def withdraw(request: Request) -> Request:
    if request.status not in (Request.Status.OPEN,):
        raise ValidationError(_("Only open requests can be withdrawn; end the assignment "
                                "first."))
    request.status = Request.Status.WITHDRAWN
    request.save(update_fields=["status"])
    return request
