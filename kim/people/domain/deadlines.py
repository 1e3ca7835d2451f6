"""Computing and querying deadlines (product.md §2.2 "Fristen")."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet

from kim.core.models import Municipality
from kim.people.domain.facts import decisions_for
from kim.people.domain.params import params_for
from kim.people.domain.persons import with_list_data
from kim.people.models import Deadline, LegalStatus, Person
from kim.rules import Params

HORIZON_YEARS = 3

# Kinds: the rules engine's upcoming fields, plus municipal policy kinds.
POLICY_PERMIT_EXPIRY = "permit_expiry"
POLICY_UMA_18 = "uma_turns_18"


@dataclass(frozen=True)
class Due:
    date: datetime.date
    kind: str
    value: str
    source: str


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def compute(person: Person, statuses: list[LegalStatus], today: datetime.date,
            params: Params) -> list[Due]:
    """Everything due for ``person`` from ``today`` up to three years ahead."""
    horizon = _add_years(today, HORIZON_YEARS)
    due: list[Due] = []
    decisions = decisions_for(person, statuses, today, params=params)
    for item in (decisions or {}).get("upcoming", []):
        due.append(Due(datetime.date.fromisoformat(item["date"]), item["field"],
                       str(item["value"]).lower(), Deadline.Source.RULES))
    for status in statuses:
        if status.expires_on and today <= status.expires_on <= horizon:
            due.append(Due(status.expires_on, POLICY_PERMIT_EXPIRY, status.code,
                           Deadline.Source.POLICY))
    if person.unaccompanied_minor:
        adult = _add_years(person.birth_date, 18)
        if today <= adult <= horizon:
            due.append(Due(adult, POLICY_UMA_18, "", Deadline.Source.POLICY))
    return sorted(set(due), key=lambda d: (d.date, d.kind))


def _rows(person: Person, today: datetime.date, params: Params) -> list[Deadline]:
    return [Deadline(municipality_id=person.municipality_id, person=person, date=d.date,
                     kind=d.kind, value=d.value, source=d.source)
            for d in compute(person, list(person.statuses.all()), today, params)]


@transaction.atomic
def refresh_person(person: Person, today: datetime.date) -> None:
    Deadline.objects.filter(person=person).delete()
    Deadline.objects.bulk_create(_rows(person, today, params_for(person.municipality)))


@transaction.atomic
def refresh_municipality(municipality: Municipality, today: datetime.date) -> int:
    """Recompute every person's deadlines (nightly); returns the number of deadlines."""
    Deadline.objects.filter(municipality=municipality).delete()
    return _store(with_list_data(Person.objects.filter(municipality=municipality)), today,
                  params_for(municipality))


@transaction.atomic
def refresh_persons(municipality: Municipality, person_ids: list[int],
                    today: datetime.date) -> int:
    """Recompute the deadlines of some persons (after an import), in bulk."""
    Deadline.objects.filter(municipality=municipality, person_id__in=person_ids).delete()
    return _store(with_list_data(Person.objects.filter(pk__in=person_ids)), today,
                  params_for(municipality))


def _store(persons: QuerySet[Person], today: datetime.date, params: Params) -> int:
    batch: list[Deadline] = []
    total = 0
    for person in persons.iterator(chunk_size=2000):
        batch += _rows(person, today, params)
        if len(batch) >= 5000:
            Deadline.objects.bulk_create(batch)
            total += len(batch)
            batch = []
    Deadline.objects.bulk_create(batch)
    return total + len(batch)


def worklist(municipality: Municipality, *, date_from: datetime.date,
             date_to: datetime.date | None = None, kinds: Iterable[str] = (),
             person_ids: QuerySet[Person] | None = None) -> QuerySet[Deadline]:
    qs = Deadline.objects.filter(municipality=municipality, date__gte=date_from)
    if date_to:
        qs = qs.filter(date__lte=date_to)
    kinds = list(kinds)
    if kinds:
        qs = qs.filter(kind__in=kinds)
    if person_ids is not None:
        qs = qs.filter(person__in=person_ids)
    return qs.select_related("person").order_by("date", "person__family_name", "pk")
