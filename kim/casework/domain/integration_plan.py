"""The integration plan of a person: goals with their steps."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Prefetch

from kim.casework.models import IntegrationGoal, IntegrationStep
from kim.people.models import Person


def goals_of(person: Person) -> list[IntegrationGoal]:
    """Goals with their field and steps (two queries)."""
    return list(person.integration_goals.select_related("field").prefetch_related(
        Prefetch("steps", queryset=IntegrationStep.objects.order_by("due_on", "pk"))))


@transaction.atomic
def save_goal(goal: IntegrationGoal) -> IntegrationGoal:
    goal.municipality_id = goal.person.municipality_id
    goal.full_clean()
    goal.save()
    return goal


@transaction.atomic
def save_step(step: IntegrationStep) -> IntegrationStep:
    step.municipality_id = step.goal.municipality_id
    step.full_clean()
    step.save()
    return step
