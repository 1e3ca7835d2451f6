"""Factories for case-work tests (factory_boy); all data fictitious."""

import datetime

import factory
from django.utils import timezone

from kim.casework.models import (
    Appointment,
    CaseAssignment,
    CaseNote,
    IntegrationGoal,
    IntegrationStep,
)
from kim.core.models import FieldOfAction
from kim.people.models import Household, HouseholdMember
from tests.people.factories import PersonFactory, StatusFactory

__all__ = ["AppointmentFactory", "AssignmentFactory", "GoalFactory", "HouseholdFactory",
           "MemberFactory", "NoteFactory", "PersonFactory", "StatusFactory", "StepFactory"]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    name = factory.Sequence(lambda n: f"Familie Test{n}")


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HouseholdMember

    household = factory.SubFactory(HouseholdFactory,
                                   municipality=factory.SelfAttribute("..person.municipality"))
    person = factory.SubFactory(PersonFactory)
    municipality = factory.SelfAttribute("person.municipality")
    role = "head"
    valid_from = datetime.date(2023, 2, 1)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseAssignment

    municipality = factory.SelfAttribute("household.municipality")
    since = datetime.date(2024, 1, 1)


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    kind = "counselling"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
    place = "Rathaus, Zimmer 12"


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseNote

    municipality = factory.SelfAttribute("person.municipality")
    text = "Vertraulicher Vermerk"


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntegrationGoal

    class Params:
        code = "language"  # the code of the municipality's field of action

    municipality = factory.SelfAttribute("person.municipality")
    field = factory.LazyAttribute(lambda goal: FieldOfAction.objects.get(
        municipality=goal.municipality, code=goal.code))
    text = "B1-Zertifikat"


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntegrationStep

    goal = factory.SubFactory(GoalFactory)
    municipality = factory.SelfAttribute("goal.municipality")
    text = "Anmeldung beim Kursträger"
