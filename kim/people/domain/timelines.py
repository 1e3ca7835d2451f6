"""Storing the legal time lines (``people.Timeline``, ``people.DecisionSegment``) and
reading the decisions of a day from them.

A person's time line runs from the assignment or the first status, whichever is earlier,
to 1 January after ``today + 3 years`` (so the nightly ``kim refresh_timelines`` recomputes
a person about once a year, plus whenever the parameters change). Its rows are the rules
engine's segments (:func:`kim.rules.timeline`) cut where the person starts or stops living
in the municipality, changes household, and at every 1 January.

Recompute after every change of a person's facts, statuses or household membership:
:func:`refresh_persons` (bulk: queries grow with the number of persons / 2 000 only).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction
from django.db.models import Exists, Q, QuerySet
from django.utils import timezone

from kim.core.models import Municipality
from kim.people.domain.bulk import insert_values
from kim.people.domain.facts import FactPerson, db_date, fact_persons, facts_for, plain_rows
from kim.people.domain.params import params_for, version_for
from kim.people.domain.persons import chunks
from kim.people.models import DecisionSegment, HouseholdMember, LegalStatus, Person, Timeline
from kim.rules import FactsError, Params, Segment, parse_person, timeline
from kim.rules.dates import add_years

log = logging.getLogger(__name__)

HORIZON_YEARS = 3
ONE_DAY = datetime.timedelta(days=1)
COLUMNS = ("municipality_id", "person_id", "year", "valid_from", "valid_to", "resident", "home",
           "status", "regime", "office", "course", "employment", "residence", "childcare",
           "schooling", "housing", "own_flat", "course_since", "course_until")
COURSE = COLUMNS.index("course")
_UNDECIDED = ("", "", "", "", "", None, "", "", "", None)


def horizon(today: datetime.date) -> datetime.date:
    """End (exclusive) of time lines computed on ``today``: at least three years ahead."""
    return datetime.date(add_years(today, HORIZON_YEARS).year + 1, 1, 1)


def needed_until(today: datetime.date) -> datetime.date:
    """Time lines ending before this day are too short on ``today``."""
    return add_years(today, HORIZON_YEARS) + ONE_DAY


def _cuts(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    return [datetime.date(year, 1, 1) for year in range(start.year + 1, end.year + 1)
            if datetime.date(year, 1, 1) < end]


def rows_for(person: FactPerson, statuses: Sequence[Any], memberships: Sequence[tuple[Any, ...]],
             params: Params, until: datetime.date, municipality_id: int) -> list[tuple[Any, ...]]:
    """The DecisionSegment rows (values of ``COLUMNS``) of one person. ``memberships``:
    (valid_from, valid_to inclusive or None, household id, pk) of the person."""
    starts = [s.valid_from for s in statuses]
    start = min([*starts[:1], *([person.assignment_date] if person.assignment_date else [])],
                default=None)
    if start is None or start >= until:
        return []
    engine: list[Segment]
    if statuses:
        try:
            facts = facts_for(person, list(statuses), start)  # type: ignore[arg-type]
            engine = timeline(parse_person(facts["person"]), start, until, params)
        except FactsError as exc:  # stored data the engine refuses: nothing decided
            log.warning("person %s: no time line: %s", person.pk, exc)
            engine = [Segment(start, until, None)]
    else:
        engine = [Segment(start, until, None)]
    arrived, left = person.assignment_date, person.moved_away_date
    homes = sorted(((first, last + ONE_DAY if last else None, household, pk)
                    for first, last, household, pk in memberships), key=lambda m: (m[0], m[3]))
    bounds = {s.start for s in engine} | set(_cuts(start, until))
    for first, end, _household, _pk in homes:
        bounds.update(d for d in (first, end) if d is not None)
    bounds.update(d for d in (arrived, left) if d is not None)
    days = sorted(d for d in bounds if start <= d < until)
    rows: list[tuple[Any, ...]] = []
    segment = 0
    for index, day in enumerate(days):
        while engine[segment].end <= day:
            segment += 1
        decided = engine[segment].decided
        home = -person.pk
        for first, end, found, _pk in homes:  # the latest membership covering the day
            if first <= day and (end is None or day < end):
                home = found
        resident = arrived is not None and arrived <= day and (left is None or day < left)
        values = _UNDECIDED if decided is None else tuple(decided)
        following = days[index + 1] if index + 1 < len(days) else until
        if (rows and rows[-1][5:] == (resident, home, *values)
                and (day.month, day.day) != (1, 1)):  # nothing changed, no new year: extend
            rows[-1] = (*rows[-1][:4], following, *rows[-1][5:])
        else:
            rows.append((municipality_id, person.pk, day.year, day, following, resident, home,
                         *values))
    return _with_course_runs(rows)


def _with_course_runs(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Append to each row the first day and the end (exclusive, None when it reaches the
    end of the time line) of the run of consecutive rows with its ``course`` value."""
    result: list[tuple[Any, ...]] = []
    first = 0
    for index, row in enumerate(rows):
        last = index + 1 == len(rows)
        if last or rows[index + 1][COURSE] != row[COURSE]:
            since, until = rows[first][3], None if last else row[4]
            result += [(*run, since, until) for run in rows[first:index + 1]]
            first = index + 1
    return result


def _memberships(where: Q) -> dict[int, list[tuple[Any, ...]]]:
    found: dict[int, list[tuple[Any, ...]]] = {}
    for person_id, first, last, household, pk in plain_rows(
            HouseholdMember.objects.filter(where).values_list(
                "person_id", "valid_from", "valid_to", "household_id", "pk").order_by()):
        found.setdefault(person_id, []).append((db_date(first), db_date(last), household, pk))
    return found


def _statuses(where: Q) -> dict[int, list[LegalStatus]]:
    found: dict[int, list[Any]] = {}
    for person_id, code, first in plain_rows(
            LegalStatus.objects.filter(where).values_list("person_id", "code", "valid_from")
            .order_by()):
        found.setdefault(person_id, []).append(_Status(code, db_date(first) or first))
    for history in found.values():
        history.sort(key=lambda s: s.valid_from)
    return found


class _Status:
    __slots__ = ("code", "valid_from")

    def __init__(self, code: str, valid_from: datetime.date) -> None:
        self.code, self.valid_from = code, valid_from


def _delete(municipality: Municipality, person_ids: Sequence[int] | None) -> None:
    """Plain SQL: derived rows without signals (a queryset delete() would load every row
    first, because the audit log listens to post_delete of all models)."""
    with connection.cursor() as cursor:
        for table in (DecisionSegment._meta.db_table, Timeline._meta.db_table):
            if person_ids is None:
                cursor.execute(f"DELETE FROM {table} WHERE municipality_id = %s",  # noqa: S608
                               [municipality.pk])
                continue
            for part in chunks(person_ids):
                cursor.execute(
                    f"DELETE FROM {table} WHERE municipality_id = %s AND person_id IN "  # noqa: S608
                    f"({', '.join(['%s'] * len(part))})", [municipality.pk, *part])


def _store(municipality: Municipality, persons: Iterable[FactPerson], where: Q,
           today: datetime.date) -> int:
    persons = list(persons)
    statuses, memberships = _statuses(where), _memberships(where)
    params, version, until = params_for(municipality), version_for(municipality), horizon(today)
    rows: list[tuple[Any, ...]] = []
    for person in persons:
        rows += rows_for(person, statuses.get(person.pk, ()), memberships.get(person.pk, ()),
                         params, until, municipality.pk)
    with _page_cache(len(rows)):
        insert_values(DecisionSegment, COLUMNS, rows)
    insert_values(Timeline, ("municipality_id", "person_id", "version", "until"),
                  [(municipality.pk, p.pk, version, until) for p in persons])
    return len(persons)


@contextmanager
def _page_cache(rows: int) -> Iterator[None]:
    """SQLite: a 64 MB page cache while many rows go in (the default 2 MB makes every
    insert into the wide report index a page fetch; twice as fast at 300 000 rows)."""
    if connection.vendor != "sqlite" or rows < 50_000:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


@transaction.atomic
def refresh_persons(municipality: Municipality, person_ids: Iterable[int],
                    today: datetime.date | None = None) -> int:
    """Recompute the time lines of some persons of ``municipality``; returns how many."""
    today = today or timezone.localdate()
    ids = sorted(set(person_ids))
    _delete(municipality, ids)
    done = 0
    for part in chunks(ids):
        persons = fact_persons(Person.objects.filter(municipality=municipality, pk__in=part))
        done += _store(municipality, persons,
                       Q(municipality=municipality, person_id__in=part), today)
    return done


@transaction.atomic
def refresh_municipality(municipality: Municipality,
                         today: datetime.date | None = None) -> int:
    """Recompute every time line of ``municipality`` (a few seconds per 10 000 persons)."""
    today = today or timezone.localdate()
    _delete(municipality, None)
    persons = fact_persons(Person.objects.filter(municipality=municipality))
    return _store(municipality, persons, Q(municipality=municipality), today)


def stale_ids(municipality: Municipality, today: datetime.date) -> list[int]:
    """Persons whose time line is missing, of another parameter version or too short."""
    fresh = Timeline.objects.filter(municipality=municipality, version=version_for(municipality),
                                    until__gte=needed_until(today)).values("person_id")
    return list(Person.objects.filter(municipality=municipality).exclude(pk__in=fresh)
                .order_by().values_list("pk", flat=True))


def refresh_stale(municipality: Municipality, today: datetime.date | None = None) -> int:
    """Recompute the stale time lines (``kim refresh_timelines``); returns how many."""
    today = today or timezone.localdate()
    stale = stale_ids(municipality, today)
    if len(stale) > Person.objects.filter(municipality=municipality).count() // 2:
        return refresh_municipality(municipality, today)  # one pass instead of IN lists
    return refresh_persons(municipality, stale, today)


def covers(municipality: Municipality, day: datetime.date) -> bool:
    """Every person of ``municipality`` has a time line of the current parameter version
    that reaches ``day``: then the stored rows answer for ``day`` exactly as the engine
    would. Every person has a Timeline row from its insert on (a database trigger writes a
    stale one, migration 0005), so this is one index lookup for a stale row."""
    version = version_for(municipality)
    rows = Timeline.objects.filter(municipality=municipality)
    # Three EXISTS, each one index range: an OR of them made SQLite scan the whole range
    # of the municipality.
    stale = (Municipality.objects.filter(pk=municipality.pk)
             .annotate(older=Exists(rows.filter(version__lt=version)),
                       newer=Exists(rows.filter(version__gt=version)),
                       short=Exists(rows.filter(version=version, until__lte=day)))
             .values_list("older", "newer", "short").get())
    return not any(stale)


def segments_on(municipality: Municipality, day: datetime.date) -> QuerySet[DecisionSegment]:
    """The rows of the municipality's residents on ``day`` – one per resident, found among
    the rows of ``day``'s year (rows never cross 1 January)."""
    return DecisionSegment.objects.filter(municipality=municipality, year=day.year,
                                          valid_from__lte=day, valid_to__gt=day, resident=True)
