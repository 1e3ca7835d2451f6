"""Who receives which benefits on a day – the basis of the benefit_recipients report.

At 100 000 persons the report must take about a second, so it reads plain rows (two
queries: the candidates' facts and the status histories), not model instances, and asks
the rules engine only about persons whose status in force can mean AsylbLG benefits.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)

from kim.core.models import Municipality
from kim.people.domain.facts import decisions_for
from kim.people.domain.persons import current_status
from kim.people.models import LegalStatus, Person
from kim.rules import DEFAULT_PARAMS
from kim.rules.codes import ASYLBLG_ALWAYS

STATUS_GROUPS = ("gestattung", "duldung", "other")
REGIMES = ("asylblg_basic", "asylblg_analog")


def residents(municipality: Municipality, as_of: datetime.date) -> QuerySet[Person]:
    """Persons of the municipality on ``as_of``: assigned by then and not moved away."""
    return (Person.objects.filter(municipality=municipality, assignment_date__lte=as_of)
            .filter(Q(moved_away_date__isnull=True) | Q(moved_away_date__gt=as_of)))


def status_group(code: str) -> str:
    if code in ("gestattung", "asylum_seeker"):
        return "gestattung"
    if code.startswith("duldung"):
        return "duldung"
    return "other"


def possibly_asylblg(as_of: datetime.date) -> frozenset[str]:
    """Statuses under which a person may receive AsylbLG benefits on ``as_of``
    (legal-rules.md §3.1); the engine decides, this only spares it the persons who cannot.

    § 24 holders (temporary_protection) are in scope only while the engine's own parameter
    table says so: on a day it says no, every such status has left the scope by then.
    """
    codes = ASYLBLG_ALWAYS | {"humanitarian_25_5"}
    for start, end, row in DEFAULT_PARAMS.asylblg_temporary_protection.segments():
        if start <= as_of and (end is None or as_of < end) and row is not None and row.value:
            codes |= {"temporary_protection"}
    return codes


def candidates(municipality: Municipality, as_of: datetime.date) -> QuerySet[Person]:
    """Residents who may be AsylbLG recipients on ``as_of``: their status in force is in
    AsylbLG scope, or it began this month (AsylbLG ends only at the end of that month)."""
    codes, month = possibly_asylblg(as_of), as_of.replace(day=1)
    if connection.vendor == "sqlite":
        # One ordered pass over the status index: the status in force is the one no later
        # status (up to as_of) replaced. A subquery per person makes SQLite (no planner
        # statistics) visit the persons in index order, five times slower at 100 000.
        later = LegalStatus.objects.filter(person=OuterRef("person"), valid_from__lte=as_of,
                                           valid_from__gt=OuterRef("valid_from"))
        in_force = (LegalStatus.objects.filter(municipality=municipality, valid_from__lte=as_of)
                    .filter(~Exists(later)).filter(Q(code__in=codes) | Q(valid_from__gte=month)))
        return residents(municipality, as_of).filter(pk__in=in_force.values("person_id"))
    # PostgreSQL: one scalar subquery per resident (index scan backwards, LIMIT 1). It is
    # never flattened into a join; joins went quadratic on tables without statistics yet
    # (fresh test databases, right after loading the demo).
    in_force = (LegalStatus.objects.filter(person=OuterRef("pk"), valid_from__lte=as_of)
                .order_by("-valid_from")
                .annotate(hit=Case(When(Q(code__in=codes) | Q(valid_from__gte=month), then=1),
                                   default=0, output_field=IntegerField()))
                .values("hit")[:1])
    return residents(municipality, as_of).alias(hit=Subquery(in_force)).filter(hit=1)


class _Status(NamedTuple):
    code: str
    valid_from: datetime.date


class _Person(NamedTuple):
    """The person fields the rules' facts are built from (kim.people.domain.facts)."""

    pk: int
    birth_date: datetime.date
    birth_date_precision: str
    citizenships: list[str]
    entry_date: datetime.date | None
    asylum_application_date: datetime.date | None
    assignment_date: datetime.date | None
    lives_in_reception_centre: bool
    unaccompanied_minor: bool
    analog_benefits_since: datetime.date | None
    residence_obligation_exception: bool
    birth_date_fact = Person.birth_date_fact


def _rows(qs: QuerySet[Any]) -> list[tuple[Any, ...]]:
    """The raw rows of a values_list() query: Django's per-value converters took a third
    of the report's time at 100 000 persons. The callers convert what the database
    returns as text (SQLite: dates, JSON) or integers (SQLite: booleans)."""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _day(value: Any) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _person(row: tuple[Any, ...]) -> _Person:
    pk, born, precision, citizenships, entry, applied, assigned, centre, uma, analog, exc = row
    return _Person(pk, _day(born), precision,  # type: ignore[arg-type]
                   json.loads(citizenships) if isinstance(citizenships, str) else citizenships,
                   _day(entry), _day(applied), _day(assigned), bool(centre), bool(uma),
                   _day(analog), bool(exc))


def asylblg_recipients(municipality: Municipality,
                       as_of: datetime.date) -> Iterator[tuple[int, str, str]]:
    """(person id, status group, regime) for every AsylbLG recipient on ``as_of``."""
    persons = [_person(row) for row in _rows(candidates(municipality, as_of)
                                             .values_list(*_Person._fields).order_by())]
    # Every status of the municipality in one single-table query: a join or IN with the
    # candidates becomes a quadratic nested loop on PostgreSQL tables without statistics.
    histories: dict[int, list[_Status]] = {person.pk: [] for person in persons}
    for person_id, code, valid_from in _rows(LegalStatus.objects.filter(
            municipality=municipality).values_list("person_id", "code", "valid_from")
            .order_by()):
        history = histories.get(person_id)
        if history is not None:
            history.append(_Status(code, _day(valid_from)))  # type: ignore[arg-type]
    for person in persons:
        statuses = histories[person.pk]
        decisions = decisions_for(person, statuses, as_of)  # type: ignore[arg-type]
        if decisions is None:
            continue
        regime = decisions["benefits"]["regime"]
        if regime in REGIMES:
            status = current_status(statuses, as_of)  # type: ignore[arg-type]
            yield person.pk, status_group(status.code if status else ""), regime


def benefit_recipient_counts(municipality: Municipality,
                             as_of: datetime.date) -> Counter[tuple[str, str]]:
    return Counter((group, regime)
                   for _, group, regime in asylblg_recipients(municipality, as_of))
