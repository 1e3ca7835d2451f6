"""The action plan's part of the conformance world: per call a plan with a field, a goal,
a measure with a status entry, and a second version copied from it."""

import datetime

from kim.plan.domain.plans import new_version
from tests.plan.factories import GoalFactory, MeasureFactory, PlanFactory, StatusEntryFactory


def build(municipality, users, n):
    for _ in range(n):
        plan = PlanFactory(municipality=municipality)
        measure = MeasureFactory(plan_field__plan=plan)
        GoalFactory(plan_field=measure.plan_field)
        StatusEntryFactory(measure=measure)
        StatusEntryFactory(measure=measure, reported_on=datetime.date(2021, 3, 31),
                           state="done", progress=100)
        new_version(plan, f"{plan.title} (Fortschreibung)", datetime.date(2022, 3, 1))
