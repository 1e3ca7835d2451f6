"""Who receives which benefits on a day – the basis of the benefit_recipients report.

From the stored legal time lines (kim.people.domain.timelines): one indexed, grouped
query over the rows covering the day. When they do not cover it (a date beyond their
horizon, or time lines not yet recomputed after a parameter change), from the rules
engine: plain rows (two queries: the candidates' facts and the status histories), and the
engine asked only about persons whose status in force can mean AsylbLG benefits.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)

from kim.core.models import Municipality
from kim.people.domain import timelines
from kim.people.domain.facts import fact_persons, regime_and_housing, status_histories
from kim.people.domain.params import params_for
from kim.people.domain.persons import current_status
from kim.people.models import LegalStatus, Person
from kim.rules import asylblg_statuses
from kim.rules.codes import ASYLUM_PROCEDURE, DULDUNG

STATUS_GROUPS = ("gestattung", "duldung", "other")
REGIMES = ("asylblg_basic", "asylblg_analog")


def residents(municipality: Municipality, as_of: datetime.date) -> QuerySet[Person]:
    """Persons of the municipality on ``as_of``: assigned by then and not moved away."""
    return (Person.objects.filter(municipality=municipality, assignment_date__lte=as_of)
            .filter(Q(moved_away_date__isnull=True) | Q(moved_away_date__gt=as_of)))


def status_group(code: str) -> str:
    """[Soest] 4.2's rows: asylum procedure, Duldung, any other status."""
    if code in ASYLUM_PROCEDURE:
        return "gestattung"
    if code in DULDUNG:
        return "duldung"
    return "other"


def candidates(municipality: Municipality, as_of: datetime.date) -> QuerySet[Person]:
    """Residents who may be AsylbLG recipients on ``as_of``: their status in force is in
    AsylbLG scope (the engine's ``asylblg_statuses``), or it began this month (AsylbLG ends
    only at the end of that month)."""
    codes, month = asylblg_statuses(as_of, params_for(municipality)), as_of.replace(day=1)
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
    latest: QuerySet[Any] = (LegalStatus.objects.filter(person=OuterRef("pk"),
                                                        valid_from__lte=as_of)
                             .order_by("-valid_from")
                             .annotate(hit=Case(When(Q(code__in=codes)
                                                     | Q(valid_from__gte=month), then=1),
                                                default=0, output_field=IntegerField()))
                             .values("hit")[:1])
    return residents(municipality, as_of).alias(hit=Subquery(latest)).filter(hit=1)


def asylblg_recipients(municipality: Municipality,
                       as_of: datetime.date) -> Iterator[tuple[int, str, str]]:
    """(person id, status group, regime) for every AsylbLG recipient on ``as_of``, from
    the live engine."""
    persons = fact_persons(candidates(municipality, as_of))
    histories = status_histories(municipality, persons)
    params = params_for(municipality)
    for person in persons:
        statuses = histories[person.pk]
        decided = regime_and_housing(person, statuses, as_of, params=params)
        if decided is None:
            continue
        if decided.regime in REGIMES:
            status = current_status(statuses, as_of)  # type: ignore[arg-type]
            yield person.pk, status_group(status.code if status else ""), decided.regime


def counts_live(municipality: Municipality, as_of: datetime.date) -> Counter[tuple[str, str]]:
    """(status group, regime) -> persons, from the rules engine (the reference)."""
    return Counter((group, regime)
                   for _, group, regime in asylblg_recipients(municipality, as_of))


def counts_from_timelines(municipality: Municipality,
                          as_of: datetime.date) -> Counter[tuple[str, str]]:
    """The same counts from the stored time lines: one grouped query."""
    counts: Counter[tuple[str, str]] = Counter()
    for status, regime, n in (timelines.segments_on(municipality, as_of)
                              .filter(regime__in=REGIMES).values_list("status", "regime")
                              .annotate(n=Count("*")).order_by()):
        counts[(status_group(status), regime)] += n
    return counts


def benefit_recipient_counts(municipality: Municipality,
                             as_of: datetime.date) -> Counter[tuple[str, str]]:
    """(status group, regime) -> persons receiving AsylbLG benefits on ``as_of``."""
    if timelines.covers(municipality, as_of):
        return counts_from_timelines(municipality, as_of)
    return counts_live(municipality, as_of)
