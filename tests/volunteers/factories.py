"""Factories for volunteer tests (factory_boy); all data fictitious."""

import datetime

import factory

from kim.volunteers.models import Match, MatchHours, Offer, Request, Volunteer, WorkingGroup


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    name = factory.Sequence(lambda n: f"Arbeitskreis {n}")


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Volunteer

    first_name = "Erika"
    family_name = factory.Sequence(lambda n: f"Muster{n}")
    email = factory.Sequence(lambda n: f"ehrenamt{n}@example.org")
    languages = factory.LazyFunction(lambda: {"de": "native", "ar": "C1"})
    skills = factory.LazyFunction(lambda: ["homework"])
    any_district = True
    slots = factory.LazyFunction(lambda: ["mon-pm", "wed-pm"])
    capacity = 2
    consent_on = datetime.date(2024, 1, 10)
    consent_scope = "Kontaktdaten und Zeiten"
    joined_on = datetime.date(2024, 1, 10)


class RequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Request

    skill = "homework"
    language = "ar"
    slots = factory.LazyFunction(lambda: ["mon-pm"])
    description = "Hausaufgabenhilfe"
    created_on = datetime.date(2025, 1, 6)


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Match

    request = factory.SubFactory(RequestFactory, status=Request.Status.MATCHED)
    volunteer = factory.SubFactory(VolunteerFactory)
    municipality = factory.SelfAttribute("request.municipality")
    proposed_on = datetime.date(2025, 1, 10)


class MatchHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchHours

    match = factory.SubFactory(MatchFactory)
    municipality = factory.SelfAttribute("match.municipality")
    month = datetime.date(2025, 2, 1)
    hours = 6


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    name = factory.Sequence(lambda n: f"Angebot {n}")
    category = "sport"
    provider = "Sportverein (Demo)"
    languages = factory.LazyFunction(lambda: ["de"])
