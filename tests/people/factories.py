"""Factories for people tests (factory_boy); all data fictitious."""

import datetime

import factory

from kim.people.domain.persons import refresh_keys, store_name_tokens
from kim.people.models import LegalStatus, Person


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    family_name = factory.Sequence(lambda n: f"Testname{n}")
    given_names = "Amal"
    birth_date = datetime.date(1990, 3, 1)
    sex = "f"
    citizenships = factory.LazyFunction(lambda: ["SY"])
    entry_date = datetime.date(2022, 10, 1)
    asylum_application_date = datetime.date(2022, 10, 5)
    assignment_date = datetime.date(2023, 1, 15)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        person = model_class(*args, **kwargs)
        refresh_keys(person)
        person.save()
        store_name_tokens([person])
        return person


class StatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalStatus

    person = factory.SubFactory(PersonFactory)
    municipality = factory.SelfAttribute("person.municipality")
    code = "gestattung"
    valid_from = datetime.date(2022, 10, 5)
