"""Writing the action plan: versions, measures, status entries. Views and the demo call
these; each validates and raises ``ValidationError`` naming the field."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kim.plan.models import Goal, Measure, Plan, PlanField, StatusEntry


@transaction.atomic
def new_version(plan: Plan, title: str, adopted_on: datetime.date) -> Plan:
    """A new version of ``plan``: a copy of its fields, goals and measures, each linked to
    the row it came from. Status entries stay with the old version (they are history)."""
    if adopted_on < plan.adopted_on:
        raise ValidationError({"adopted_on": _(
            "A new version cannot be adopted before the version it revises.")})
    if Plan.objects.filter(municipality=plan.municipality, title=title).exists():
        raise ValidationError({"title": _("A plan with this title exists already.")})
    copy = Plan.objects.create(municipality=plan.municipality, title=title,
                               adopted_on=adopted_on, predecessor=plan,
                               summary=plan.summary)
    for old_field in plan.fields.select_related("field").prefetch_related("goals",
                                                                          "measures"):
        new_field = PlanField.objects.create(municipality=plan.municipality, plan=copy,
                                             field=old_field.field, number=old_field.number,
                                             situation=old_field.situation)
        for goal in old_field.goals.all():
            Goal.objects.create(municipality=plan.municipality, plan_field=new_field,
                                horizon=goal.horizon, text=goal.text)
        for measure in old_field.measures.all():
            Measure.objects.create(
                municipality=plan.municipality, plan_field=new_field, number=measure.number,
                text=measure.text, owner=measure.owner, participants=measure.participants,
                horizon=measure.horizon, effort=measure.effort, figure=measure.figure,
                predecessor=measure)
    return copy


def check_number(plan_field: PlanField, number: str, measure: Measure | None = None) -> None:
    others = Measure.objects.filter(plan_field__plan=plan_field.plan, number=number)
    if measure is not None and measure.pk:
        others = others.exclude(pk=measure.pk)
    if others.exists():
        raise ValidationError({"number": _("This plan has a measure with this number "
                                           "already.")})


@transaction.atomic
def record_status(measure: Measure, data: dict[str, Any], author: Any) -> StatusEntry:
    """A dated status entry. "done" means 100 %; "not started" means 0 %."""
    state, progress = data["state"], data["progress"]
    if state == "done" and progress != 100:
        raise ValidationError({"progress": _("A measure that is done is at 100 %.")})
    if state == "not_started" and progress != 0:
        raise ValidationError({"progress": _("A measure not started is at 0 %.")})
    if data["reported_on"] < measure.plan_field.plan.adopted_on:
        raise ValidationError({"reported_on": _(
            "The date lies before this version of the plan was adopted; record it in the "
            "previous version.")})
    return StatusEntry.objects.create(
        municipality=measure.municipality, measure=measure, author=author,
        **{k: data[k] for k in ("reported_on", "state", "progress", "goal", "timing",
                                "status", "need")})
