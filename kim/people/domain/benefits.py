"""Who receives which benefits on a day – the basis of the benefit_recipients report.

At 100 000 persons the report must take about a second, so it reads plain rows (two
queries: the candidates' facts and the status histories), not model instances, and asks
the rules engine only about persons whose status in force can mean AsylbLG benefits.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator

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
from kim.people.domain.facts import fact_persons, regime_and_housing, status_histories
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


def asylblg_recipients(municipality: Municipality,
                       as_of: datetime.date) -> Iterator[tuple[int, str, str]]:
    """(person id, status group, regime) for every AsylbLG recipient on ``as_of``."""
    persons = fact_persons(candidates(municipality, as_of))
    histories = status_histories(municipality, persons)
    for person in persons:
        statuses = histories[person.pk]
        decided = regime_and_housing(person, statuses, as_of)
        if decided is None:
            continue
        regime = decided[0]
        if regime in REGIMES:
            status = current_status(statuses, as_of)  # type: ignore[arg-type]
            yield person.pk, status_group(status.code if status else ""), regime


def benefit_recipient_counts(municipality: Municipality,
                             as_of: datetime.date) -> Counter[tuple[str, str]]:
    return Counter((group, regime)
                   for _, group, regime in asylblg_recipients(municipality, as_of))
