"""Factories for fund tests (factory_boy); all data fictitious."""

import datetime
from decimal import Decimal

import factory

from kim.core.models import FieldOfAction, Organisation
from kim.fund.models import Application, FundYear, Round


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Initiative {n} e. V.")
    kinds = ["initiative"]


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfAction

    code = factory.Sequence(lambda n: f"fund-field-{n}")
    name = factory.Sequence(lambda n: f"Teilhabe {n}")


class FundYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundYear

    year = factory.Sequence(lambda n: 2100 + n % 90)  # future years: rounds are open
    budget = Decimal("200000.00")


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    fund_year = factory.SubFactory(FundYearFactory)
    municipality = factory.SelfAttribute("fund_year.municipality")
    name = factory.Sequence(lambda n: f"{n + 1}. Runde")
    deadline = factory.LazyAttribute(lambda o: datetime.date(o.fund_year.year, 12, 31))


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    round = factory.SubFactory(RoundFactory)
    municipality = factory.SelfAttribute("round.municipality")
    organisation = factory.SubFactory(OrganisationFactory,
                                      municipality=factory.SelfAttribute("..municipality"))
    field = factory.SubFactory(FieldFactory, municipality=factory.SelfAttribute("..municipality"))
    title = factory.Sequence(lambda n: f"Projekt {n}")
    description = "Begegnung im Stadtteil"
    amount_requested = Decimal("5000.00")
    period_start = factory.LazyAttribute(lambda o: datetime.date(o.round.fund_year.year, 3, 1))
    period_end = factory.LazyAttribute(lambda o: datetime.date(o.round.fund_year.year, 11, 30))
    submitted_on = factory.LazyAttribute(lambda o: datetime.date(o.round.fund_year.year, 1, 15))
