"""The integration plan of a person: goals with their steps."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Prefetch

from kim.casework.models import PlanGoal, PlanStep
from kim.people.models import Person


def goals_of(person: Person) -> list[PlanGoal]:
    """Goals with their steps (two queries)."""
    return list(person.plan_goals.prefetch_related(
        Prefetch("steps", queryset=PlanStep.objects.order_by("due_on", "pk"))))


@transaction.atomic
def save_goal(goal: PlanGoal) -> PlanGoal:
    goal.municipality_id = goal.person.municipality_id
    goal.full_clean()
    goal.save()
    return goal


@transaction.atomic
def save_step(step: PlanStep) -> PlanStep:
    step.municipality_id = step.goal.municipality_id
    step.full_clean()
    step.save()
    return step
