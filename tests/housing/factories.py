"""Factories for accommodation tests (factory_boy); all data fictitious."""

import datetime

import factory
from django.utils import timezone

from kim.housing.models import Facility, Incident, Place, StateFacilityCount, Stay, Unit
from tests.people.factories import PersonFactory, StatusFactory

__all__ = ["FacilityFactory", "IncidentFactory", "PersonFactory", "PlaceFactory",
           "StateCountFactory", "StatusFactory", "StayFactory", "UnitFactory"]


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility

    code = factory.Sequence(lambda n: f"F{n}")
    name = factory.Sequence(lambda n: f"Unterkunft {n}")
    kind = "phase1"
    target_use = "families"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    facility = factory.SubFactory(FacilityFactory)
    municipality = factory.SelfAttribute("facility.municipality")
    name = factory.Sequence(lambda n: f"Zimmer {n}")


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    unit = factory.SubFactory(UnitFactory)
    municipality = factory.SelfAttribute("unit.municipality")
    label = factory.Sequence(lambda n: str(n))


class StayFactory(factory.django.DjangoModelFactory):
    """Writes the row directly – the database rules still apply, the domain checks do not."""

    class Meta:
        model = Stay

    place = factory.SubFactory(PlaceFactory)
    municipality = factory.SelfAttribute("place.municipality")
    person = factory.SubFactory(PersonFactory,
                                municipality=factory.SelfAttribute("..municipality"))
    start = datetime.date(2024, 1, 15)


class StateCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StateFacilityCount

    municipality = factory.SelfAttribute("facility.municipality")
    date = datetime.date(2024, 6, 30)
    persons = 120


class IncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Incident

    municipality = factory.SelfAttribute("facility.municipality")
    occurred_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    kind = "security"
    reported_by = "Sicherheitsdienst"
    description = "Streit im Flur, geschlichtet"
