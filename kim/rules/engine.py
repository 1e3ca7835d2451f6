"""Facts in, decisions out (legal-rules.md §2.2), including the `upcoming` changes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, NamedTuple

from .benefits import office_changes, regime, since
from .children import GROWN_UP_CHILDCARE, GROWN_UP_SCHOOLING, childcare, schooling
from .codes import UPCOMING_FIELDS
from .context import Ctx
from .course import course, note
from .dates import add_years, iso
from .employment import employment
from .facts import Facts, parse_facts
from .groups import housing_category, own_flat, target_group
from .outcome import Outcome
from .params import DEFAULT_PARAMS, PARAMS_VERSION, Params
from .residence import residence
from .tables import FOREVER, At

Rule = Callable[[Ctx, At], Outcome]
HORIZON_YEARS = 3

Changes = list[tuple[date, str | bool]]


def evaluate(facts: Mapping[str, Any], *, params: Params = DEFAULT_PARAMS) -> dict[str, Any]:
    """Decisions for one facts object (contract: legal-rules.md §2.1 in, §2.2 out).

    Raises :class:`~kim.rules.facts.FactsError` for invalid facts.
    """
    return decide(parse_facts(facts), params)


class Point(NamedTuple):
    """The decisions reports over every resident need, on one day."""

    regime: str
    housing_category: str
    own_flat: bool


def evaluate_point(facts: Mapping[str, Any], *, params: Params = DEFAULT_PARAMS) -> Point:
    """Benefit regime, housing category and own-flat entitlement on ``as_of`` – the same
    values as ``evaluate(facts)["benefits"]["regime"]``, ``["housing_category"]`` and
    ``["own_flat"]``, for reports that ask about every resident: no three-year trace of
    changes, no other fields, so several times cheaper. Raises
    :class:`~kim.rules.facts.FactsError` for invalid facts.
    """
    parsed = parse_facts(facts)
    ctx = Ctx(parsed.person, params)
    now = At(parsed.as_of)
    status = ctx.status(now)
    return Point(
        str(regime(ctx, At(parsed.as_of))[0]),
        str(housing_category(ctx, now, status)[0]),
        bool(own_flat(ctx, now, status)[0]),
    )


def trace(rule: Rule, ctx: Ctx, as_of: date, horizon: date) -> tuple[Outcome, Changes]:
    """The rule's outcome at ``as_of`` and its value changes in ``(as_of, horizon]``,
    found by jumping from one possible change date (``At.until``) to the next."""
    at = At(as_of)
    outcome = rule(ctx, at)
    value = outcome[0]
    changes: Changes = []
    while at.until <= horizon:
        at.d, at.until = at.until, FOREVER  # reuse the point: cheaper than a new At
        later = rule(ctx, at)[0]
        if later != value:
            changes.append((at.d, later))
            value = later
    return outcome, changes


def _upcoming(changes_by_field: tuple[Changes, ...]) -> list[dict[str, Any]]:
    """Merge the fields' changes (given in `UPCOMING_FIELDS` order) sorted by date."""
    merged: list[tuple[date, int, str | bool]] = []
    for order, changes in enumerate(changes_by_field):
        for d, value in changes:
            merged.append((d, order, value))
    # (date, field order) is unique (a field changes at most once a day), so the plain tuple
    # sort orders by date, then field, and never compares the values.
    merged.sort()
    return [
        {"date": d.isoformat(), "field": UPCOMING_FIELDS[order], "value": value}
        for d, order, value in merged
    ]


def decide(facts: Facts, params: Params = DEFAULT_PARAMS) -> dict[str, Any]:
    """Decisions for already parsed facts (§2.2)."""
    as_of = facts.as_of
    ctx = Ctx(facts.person, params)
    horizon = add_years(as_of, HORIZON_YEARS)
    benefits, regime_changes = trace(regime, ctx, as_of, horizon)
    employment_, employment_changes = trace(employment, ctx, as_of, horizon)
    course_, course_changes = trace(course, ctx, as_of, horizon)
    residence_, residence_changes = trace(residence, ctx, as_of, horizon)
    childcare_changes: Changes = []
    schooling_changes: Changes = []
    if as_of >= ctx.grown_up:  # adults: no Kita claim or school duty, now or later
        childcare_, schooling_ = GROWN_UP_CHILDCARE, GROWN_UP_SCHOOLING
    else:
        childcare_, childcare_changes = trace(childcare, ctx, as_of, horizon)
        schooling_, schooling_changes = trace(schooling, ctx, as_of, horizon)
    regime_value = str(benefits[0])
    # One point at `as_of` for the lookups below (their change dates are not needed).
    now = At(as_of)
    office_, office_changes_ = office_changes(ctx, now, regime_value, regime_changes, horizon)
    changes_by_field = (  # in `UPCOMING_FIELDS` order
        regime_changes,
        office_changes_,
        employment_changes,
        course_changes,
        residence_changes,
        childcare_changes,
        schooling_changes,
    )
    upcoming = _upcoming(changes_by_field) if any(changes_by_field) else []
    status = ctx.status(now)
    target = target_group(ctx, now, status)
    housing = housing_category(ctx, now, status)
    flat = own_flat(ctx, now, status)
    return {
        "as_of": as_of.isoformat(),
        "status": {"code": ctx.codes[status], "from": ctx.starts[status].isoformat()},
        "benefits": {
            "regime": regime_value,
            "since": iso(since(ctx, now, status, regime_value)),
            "basis": benefits[1],
            "params": [*benefits[2]],
        },
        "responsible_office": office_[0],
        "integration_course": {
            "access": course_[0],
            "entitled_until": iso(course_[3]),
            "basis": course_[1],
            "params": [*course_[2]],
            "note": note(ctx, str(course_[0]), as_of),
        },
        "employment": {
            "access": employment_[0],
            "basis": employment_[1],
            "params": [*employment_[2]],
        },
        "residence_obligation": {
            "applies": residence_[0],
            "last_day": iso(residence_[3]),
            "basis": residence_[1],
            "params": [*residence_[2]],
        },
        "childcare": childcare_[0],
        "schooling": schooling_[0],
        "target_group": target[0],
        "housing_category": housing[0],
        "own_flat": flat[0],
        # Basis and parameter versions of the decisions that are plain values in §2.2.
        "explanations": {
            "responsible_office": {"basis": office_[1], "params": [*office_[2]]},
            "childcare": {"basis": childcare_[1], "params": [*childcare_[2]]},
            "schooling": {"basis": schooling_[1], "params": [*schooling_[2]]},
            "target_group": {"basis": target[1], "params": [*target[2]]},
            "housing_category": {"basis": housing[1], "params": [*housing[2]]},
            "own_flat": {"basis": flat[1], "params": [*flat[2]]},
        },
        "params_version": PARAMS_VERSION,
        "upcoming": upcoming,
    }
