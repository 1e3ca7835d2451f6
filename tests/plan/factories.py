"""Factories for action-plan tests (factory_boy); all data fictitious."""

import datetime

import factory

from kim.core.models import FieldOfAction
from kim.plan.models import Goal, Measure, Plan, PlanField, StatusEntry


class FieldOfActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfAction

    code = factory.Sequence(lambda n: f"field-{n}")
    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    title = factory.Sequence(lambda n: f"Handlungskonzept {n}")
    adopted_on = datetime.date(2019, 3, 14)


class PlanFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanField

    plan = factory.SubFactory(PlanFactory)
    municipality = factory.SelfAttribute("plan.municipality")
    field = factory.SubFactory(FieldOfActionFactory,
                               municipality=factory.SelfAttribute("..municipality"))
    number = factory.Sequence(lambda n: n + 1)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    plan_field = factory.SubFactory(PlanFieldFactory)
    municipality = factory.SelfAttribute("plan_field.municipality")
    horizon = "long"
    text = "Alle Erwachsenen besuchen einen Sprachkurs."


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    plan_field = factory.SubFactory(PlanFieldFactory)
    municipality = factory.SelfAttribute("plan_field.municipality")
    number = factory.Sequence(lambda n: f"1.{n + 1}")
    text = "Netzwerk mit den Kursträgern pflegen"
    owner = "Integrationsbeauftragte"
    horizon = "continuous"


class StatusEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusEntry

    measure = factory.SubFactory(MeasureFactory)
    municipality = factory.SelfAttribute("measure.municipality")
    reported_on = datetime.date(2020, 3, 31)
    state = "in_progress"
    progress = 30
