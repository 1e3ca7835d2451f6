"""Factories for the education module (factory_boy); all data fictitious."""

import datetime

import factory

from kim.core.models import Organisation
from kim.education.models import Assessment, Attendance, Course, Obligation, Referral
from tests.people.factories import PersonFactory, StatusFactory, person_with  # noqa: F401


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Bildungswerk {n}")
    kinds = factory.LazyFunction(lambda: ["provider"])


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    provider = factory.SubFactory(ProviderFactory,
                                  municipality=factory.SelfAttribute("..municipality"))
    title = factory.Sequence(lambda n: f"Integrationskurs {n}")
    kind = "integration"
    level = "B1"
    start = datetime.date(2026, 1, 12)
    seats = 20
    status = "running"


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    course = factory.SubFactory(CourseFactory)
    municipality = factory.SelfAttribute("course.municipality")
    person = factory.SubFactory(PersonFactory,
                                municipality=factory.SelfAttribute("..municipality"))
    referred_on = datetime.date(2026, 1, 5)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    referral = factory.SubFactory(ReferralFactory)
    municipality = factory.SelfAttribute("referral.municipality")
    month = datetime.date(2026, 2, 1)
    hours = 80
    absent_hours = 4


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    person = factory.SubFactory(PersonFactory)
    municipality = factory.SelfAttribute("person.municipality")
    provider = factory.SubFactory(ProviderFactory,
                                  municipality=factory.SelfAttribute("..municipality"))
    assessed_on = datetime.date(2026, 1, 2)
    assessor = "Frau Beispiel"
    listening = reading = writing = speaking = "A1"


class ObligationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Obligation

    person = factory.SubFactory(PersonFactory)
    municipality = factory.SelfAttribute("person.municipality")
    office = "jobcenter"
    issued_on = datetime.date(2025, 11, 3)
    basis = "aufenthg_44a"
