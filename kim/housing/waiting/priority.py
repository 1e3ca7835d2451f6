"""Transparent, configurable priority order of the private-housing waiting list.

Every criterion turns an entry into an integer value (months, persons, 0/1); the policy
gives each a weight (points per unit, negative = lower values first) and an optional cap.
Mode "points": order by the sum of points. Mode "order": order by the criteria's points
one after another (the first criterion decides, the next breaks its ties, …). Remaining
ties: earlier application first, then key — so the order is total and reproducible.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..placement.texts import gettext_noop
from ..placement.types import Reason
from .eligibility import Eligibility, eligibility

PHASE1_LIMIT_MONTHS = 6  # Soest 5.5.1.1: Phase I stay at most 6 months
DEFAULT_NAME = gettext_noop("kim standard order")  # shown translated by the UI


@dataclass(frozen=True)
class WaitingEntry:
    key: str
    applied_on: date
    household_size: int
    housing_categories: tuple[str, ...]  # the engine's value for each member
    vulnerable: bool = False
    phase1_since: date | None = None  # in Phase I since (None: not in Phase I)
    accommodated_since: date | None = None  # in municipal accommodation since


def full_months(start: date | None, end: date) -> int:
    """Completed calendar months from start to end (day-exact), 0 without a start."""
    if start is None or end <= start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


Criterion = Callable[[WaitingEntry, date], int]
CRITERIA: dict[str, Criterion] = {
    "waiting_months": lambda e, d: full_months(e.applied_on, d),
    "household_size": lambda e, d: e.household_size,
    "vulnerability": lambda e, d: int(e.vulnerable),
    "phase1_months": lambda e, d: full_months(e.phase1_since, d),
    "phase1_overdue_months": lambda e, d: max(
        0, full_months(e.phase1_since, d) - PHASE1_LIMIT_MONTHS
    ),
    "accommodated_months": lambda e, d: full_months(e.accommodated_since, d),
}


@dataclass(frozen=True)
class CriterionWeight:
    criterion: str
    weight: int  # points per unit of the value
    cap: int | None = None  # count the value at most up to cap


@dataclass(frozen=True)
class PriorityPolicy:
    """A municipality's priority order; stored as JSON (to_json/from_json)."""

    name: str = DEFAULT_NAME
    mode: str = "points"  # "points" or "order"
    criteria: tuple[CriterionWeight, ...] = field(
        default_factory=lambda: (
            CriterionWeight("vulnerability", 30),
            CriterionWeight("waiting_months", 10),
            CriterionWeight("phase1_overdue_months", 5),
            CriterionWeight("accommodated_months", 2, cap=24),
            CriterionWeight("household_size", 1, cap=8),
        )
    )

    def __post_init__(self) -> None:
        if self.mode not in ("points", "order"):
            raise ValueError(f"mode: unknown {self.mode!r} (points or order)")
        seen: set[str] = set()
        for i, c in enumerate(self.criteria):
            where = f"criteria[{i}]"
            if c.criterion not in CRITERIA:
                raise ValueError(f"{where}.criterion: unknown {c.criterion!r}")
            if c.criterion in seen:
                raise ValueError(f"{where}.criterion: {c.criterion!r} given twice")
            seen.add(c.criterion)
            if type(c.weight) is not int:
                raise ValueError(f"{where}.weight: an integer is required")
            if c.cap is not None and (type(c.cap) is not int or c.cap < 0):
                raise ValueError(f"{where}.cap: a non-negative integer or null is required")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mode": self.mode,
            "criteria": [
                {"criterion": c.criterion, "weight": c.weight, "cap": c.cap} for c in self.criteria
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PriorityPolicy:
        if not isinstance(data, dict) or not isinstance(data.get("criteria"), list):
            raise ValueError("criteria: a list is required")
        criteria = []
        for i, item in enumerate(data["criteria"]):
            if not isinstance(item, dict) or "criterion" not in item or "weight" not in item:
                raise ValueError(f"criteria[{i}]: criterion and weight are required")
            criteria.append(CriterionWeight(item["criterion"], item["weight"], item.get("cap")))
        return cls(str(data.get("name", "")), str(data.get("mode", "points")), tuple(criteria))

    @classmethod
    def from_json(cls, text: str) -> PriorityPolicy:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"policy: invalid JSON ({exc.msg}, line {exc.lineno})") from exc
        return cls.from_dict(data)


@dataclass(frozen=True)
class CriterionScore:
    criterion: str
    value: int  # as measured
    counted: int  # after the cap
    weight: int
    points: int


@dataclass(frozen=True)
class RankedEntry:
    """A list position with its explanation; ineligible entries have position None."""

    key: str
    position: int | None
    score: int
    scores: tuple[CriterionScore, ...]
    eligibility: Eligibility
    tie_break: Reason | None = None  # why it follows an entry with the same points


def score_entry(
    entry: WaitingEntry, policy: PriorityPolicy, as_of: date
) -> tuple[CriterionScore, ...]:
    scores = []
    for c in policy.criteria:
        value = CRITERIA[c.criterion](entry, as_of)
        counted = value if c.cap is None else min(value, c.cap)
        scores.append(CriterionScore(c.criterion, value, counted, c.weight, c.weight * counted))
    return tuple(scores)


def rank(entries: Iterable[WaitingEntry], policy: PriorityPolicy, as_of: date) -> list[RankedEntry]:
    """Eligible entries in priority order (position 1, 2, …), then ineligible ones."""
    eligible: list[tuple[tuple[int, ...], WaitingEntry, tuple[CriterionScore, ...], Eligibility]]
    eligible, ineligible = [], []
    for entry in entries:
        verdict = eligibility(entry.housing_categories)
        scores = score_entry(entry, policy, as_of)
        total = sum(s.points for s in scores)
        if not verdict.eligible:
            ineligible.append(RankedEntry(entry.key, None, total, scores, verdict))
            continue
        key = (total,) if policy.mode == "points" else tuple(s.points for s in scores)
        eligible.append((key, entry, scores, verdict))
    eligible.sort(key=lambda t: (tuple(-k for k in t[0]), t[1].applied_on, t[1].key))
    ranked: list[RankedEntry] = []
    for position, (key, entry, scores, verdict) in enumerate(eligible, start=1):
        tie = None
        if position > 1 and eligible[position - 2][0] == key:
            before = eligible[position - 2][1]
            tie = (
                Reason(
                    "tie_applied_later",
                    {"position": position - 1, "applied_on": entry.applied_on.isoformat()},
                )
                if before.applied_on != entry.applied_on
                else Reason("tie_key", {"position": position - 1})
            )
        ranked.append(
            RankedEntry(entry.key, position, sum(s.points for s in scores), scores, verdict, tie)
        )
    ineligible.sort(key=lambda r: r.key)
    return ranked + ineligible
