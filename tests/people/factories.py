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
    # A child born later than these defaults was born in Germany: its dates start at birth.
    entry_date = factory.LazyAttribute(lambda o: max(datetime.date(2022, 10, 1), o.birth_date))
    asylum_application_date = factory.LazyAttribute(
        lambda o: max(datetime.date(2022, 10, 5), o.birth_date))
    assignment_date = factory.LazyAttribute(
        lambda o: max(datetime.date(2023, 1, 15), o.birth_date))

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


def store_unchecked(instance, **values):
    """Write ``values`` into the row of ``instance`` as a kim before the date checks could
    have (issue 10): raw SQL past validation and the CHECK constraints of migration 0004.
    On PostgreSQL the constraints are dropped inside the test's transaction, which the
    test runner rolls back – never use this in a ``transaction=True`` test."""
    from django.db import connection

    table = instance._meta.db_table
    columns = ", ".join(f'"{instance._meta.get_field(k).column}" = %s' for k in values)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = ON")
        else:
            checks = [c.name for c in instance._meta.constraints
                      if c.__class__.__name__ == "CheckConstraint"]
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks
            for name in checks:
                cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT IF EXISTS "{name}"')
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        try:
            cursor.execute(f'UPDATE "{table}" SET {columns} WHERE id = %s',  # noqa: S608
                           [*values.values(), instance.pk])
        finally:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA ignore_check_constraints = OFF")
    instance.refresh_from_db()
    return instance


def person_with(municipality, *statuses, **fields):
    """A person (PersonFactory's Syrian assigned on 15.01.2023 unless ``fields`` say
    otherwise) with the status history ``statuses`` = (code, valid_from), …"""
    person = PersonFactory(municipality=municipality, **fields)
    for code, start in statuses:
        StatusFactory(person=person, code=code, valid_from=start)
    return person


def ukrainian(municipality, since):
    """A § 24 holder since ``since``, entered five days before, assigned two weeks later."""
    return person_with(municipality, ("temporary_protection", since), citizenships=["UA"],
                       entry_date=since - datetime.timedelta(days=5),
                       asylum_application_date=None,
                       assignment_date=since + datetime.timedelta(days=14))


def tolerated_then_25_5(municipality):
    """Gestattung 01.05.2019, first Duldung 10.01.2021, § 25 Abs. 5 from 01.01.2022: in
    the AsylbLG until 18 months after the first Duldung (10.07.2022) and that month's end."""
    d = datetime.date
    return person_with(municipality, ("gestattung", d(2019, 5, 1)), ("duldung", d(2021, 1, 10)),
                       ("humanitarian_25_5", d(2022, 1, 1)), citizenships=["IQ"],
                       entry_date=d(2019, 4, 20), asylum_application_date=d(2019, 5, 1),
                       assignment_date=d(2019, 6, 1))
