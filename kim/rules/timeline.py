"""A person's decisions over a period as dated segments – the legal time line that kim stores
so that reports for any date are queries (legal-rules.md §1 `upcoming`, extended to every
day of a period).

Built with the same machinery as ``upcoming``: each decision area is traced from the start
by jumping to ``At.until`` (:func:`kim.rules.engine.trace`), so a segment ends exactly where
some decision changes and nothing between two change dates is evaluated.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .benefits import office_changes, regime
from .children import GROWN_UP_CHILDCARE, GROWN_UP_SCHOOLING, childcare, schooling
from .context import Ctx
from .course import course
from .dates import ONE_DAY
from .employment import employment
from .engine import Changes, trace
from .facts import Person
from .groups import housing_category, own_flat
from .outcome import Outcome
from .params import DEFAULT_PARAMS, Params
from .residence import residence
from .tables import At


class Decided(NamedTuple):
    """The decisions on one day (the §2.2 values of the same names; ``status`` is the code
    in force, ``own_flat`` the Fehlbeleger entitlement)."""

    status: str
    regime: str
    office: str
    course: str
    employment: str
    residence: bool
    childcare: str
    schooling: str
    housing: str
    own_flat: bool


class Segment(NamedTuple):
    """``decided`` holds on every day from ``start`` up to the day before ``end``; None
    before the first status or the birth (the engine decides nothing then)."""

    start: date
    end: date
    decided: Decided | None


TIMELINE_FIELDS = Decided._fields


def _status(ctx: Ctx, at: At) -> Outcome:
    return ctx.codes[ctx.status(at)], "", (), None


def _housing(ctx: Ctx, at: At) -> Outcome:
    return housing_category(ctx, at, ctx.status(at))


def _own_flat(ctx: Ctx, at: At) -> Outcome:
    return own_flat(ctx, at, ctx.status(at))


def timeline(
    person: Person, start: date, end: date, params: Params = DEFAULT_PARAMS
) -> list[Segment]:
    """Segments covering ``[start, end)`` without gaps, each as long as possible (two
    neighbours always differ). ``person``: :func:`kim.rules.facts.parse_person`."""
    if end <= start:
        return []
    segments: list[Segment] = []
    first = max(person.status_starts[0], person.birth_date)
    if start < first:
        segments.append(Segment(start, min(first, end), None))
        if first >= end:
            return segments
        start = first
    ctx = Ctx(person, params)
    last = end - ONE_DAY  # trace's horizon is inclusive
    status, status_changes = trace(_status, ctx, start, last)
    benefits, regime_changes = trace(regime, ctx, start, last)
    office, office_changes_ = office_changes(ctx, At(start), str(benefits[0]), regime_changes, last)
    course_, course_changes = trace(course, ctx, start, last)
    employment_, employment_changes = trace(employment, ctx, start, last)
    residence_, residence_changes = trace(residence, ctx, start, last)
    childcare_changes: Changes = []
    schooling_changes: Changes = []
    if start >= ctx.grown_up:  # adults: no Kita claim or school duty, now or later
        childcare_, schooling_ = GROWN_UP_CHILDCARE, GROWN_UP_SCHOOLING
    else:
        childcare_, childcare_changes = trace(childcare, ctx, start, last)
        schooling_, schooling_changes = trace(schooling, ctx, start, last)
    housing, housing_changes = trace(_housing, ctx, start, last)
    flat, flat_changes = trace(_own_flat, ctx, start, last)
    fields = (  # in Decided order
        (status, status_changes),
        (benefits, regime_changes),
        (office, office_changes_),
        (course_, course_changes),
        (employment_, employment_changes),
        (residence_, residence_changes),
        (childcare_, childcare_changes),
        (schooling_, schooling_changes),
        (housing, housing_changes),
        (flat, flat_changes),
    )
    values = [outcome[0] for outcome, _changes in fields]
    by_date: dict[date, list[tuple[int, str | bool]]] = {}
    for index, (_outcome, changes) in enumerate(fields):
        for day, value in changes:
            by_date.setdefault(day, []).append((index, value))
    for day in sorted(by_date):
        segments.append(Segment(start, day, _decided(values)))
        for index, value in by_date[day]:
            values[index] = value
        start = day
    segments.append(Segment(start, end, _decided(values)))
    return segments


def _decided(v: list[str | bool]) -> Decided:
    return Decided(
        str(v[0]),
        str(v[1]),
        str(v[2]),
        str(v[3]),
        str(v[4]),
        bool(v[5]),
        str(v[6]),
        str(v[7]),
        str(v[8]),
        bool(v[9]),
    )
