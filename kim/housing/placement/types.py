"""Plain input/output records of the placement core (no Django: the housing app maps its
models onto these and back). See README.md next to this file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Composition = Literal["family", "single_man", "single_woman", "uma"]
Phase = Literal[1, 2, "flat"]
TargetUse = Literal["families", "single_men", "single_women", "vulnerable", "mixed"]

COMPOSITIONS: tuple[str, ...] = ("family", "single_man", "single_woman", "uma")
PHASES: tuple[Phase, ...] = (1, 2, "flat")
TARGET_USES: tuple[str, ...] = ("families", "single_men", "single_women", "vulnerable", "mixed")


class Reason(NamedTuple):
    """A machine-readable explanation: a code of ``REASON_TEXTS`` and its parameters
    (JSON-safe values only: str, int, list of str), e.g. ``("near", {"what": "school"})``."""

    code: str
    params: Mapping[str, Any] = {}


@dataclass(frozen=True)
class HouseholdNeed:
    """One household to place. It is never split: ``size`` persons go to one unit."""

    key: str
    size: int
    composition: Composition
    vulnerable: bool = False  # Soest 5.5.1.1 h): hard rule, never Phase I
    needs_accessible: bool = False
    skips_phase1: bool = False  # Soest groups that skip Phase I: soft (heavy) cost
    languages: frozenset[str] = frozenset()
    wants: frozenset[str] = frozenset()  # e.g. {"school", "kita", "doctor"}

    def __post_init__(self) -> None:
        if self.size < 1:
            raise ValueError(f"household {self.key}: size must be at least 1")
        if self.composition not in COMPOSITIONS:
            raise ValueError(f"household {self.key}: unknown composition {self.composition!r}")


@dataclass(frozen=True)
class UnitOffer:
    """Free capacity of one unit (room, module, flat) at the time of planning."""

    key: str
    facility_key: str
    phase: Phase
    target_use: TargetUse
    free_places: int
    accessible: bool = False
    near: frozenset[str] = frozenset()  # amenities close by: "school", "kita", "doctor", ...
    resident_languages: frozenset[str] = frozenset()
    district: str = ""
    single_household: bool = False  # a flat let to one household: no second household

    def __post_init__(self) -> None:
        if self.free_places < 0:
            raise ValueError(f"unit {self.key}: free_places must not be negative")
        if self.phase not in PHASES:
            raise ValueError(f"unit {self.key}: unknown phase {self.phase!r}")
        if self.target_use not in TARGET_USES:
            raise ValueError(f"unit {self.key}: unknown target use {self.target_use!r}")


def _default_wants() -> dict[str, int]:
    return {"school": 10, "kita": 8, "doctor": 8}


@dataclass(frozen=True)
class Weights:
    """Soft costs (integer points; lower is better). Placing persons always comes first:
    no sum of soft costs can outweigh one more placed person."""

    skip_phase1_in_phase1: int = 40  # per household of a group that should skip Phase I
    phase1_first_per_person: int = 1  # keeps scarce Phase II/flat places for who needs them
    want_missing: Mapping[str, int] = field(default_factory=_default_wants)
    other_want_missing: int = 4  # a wish not listed in want_missing
    no_language_neighbours: int = 5  # per household that names languages

    def want_cost(self, what: str) -> int:
        return self.want_missing.get(what, self.other_want_missing)

    def to_dict(self) -> dict[str, Any]:
        return {
            "skip_phase1_in_phase1": self.skip_phase1_in_phase1,
            "phase1_first_per_person": self.phase1_first_per_person,
            "want_missing": dict(self.want_missing),
            "other_want_missing": self.other_want_missing,
            "no_language_neighbours": self.no_language_neighbours,
        }


DEFAULT_WEIGHTS = Weights()


class CostItem(NamedTuple):
    """One line of a cost breakdown: the reason code that caused it and its points."""

    code: str
    points: int


@dataclass(frozen=True)
class Assignment:
    household_key: str
    unit_key: str
    facility_key: str
    size: int
    cost: int
    breakdown: tuple[CostItem, ...]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Unplaced:
    household_key: str
    size: int
    reason: Reason


@dataclass(frozen=True)
class Plan:
    """A proposal to be reviewed and confirmed in the UI before anything is written."""

    assignments: tuple[Assignment, ...]
    unplaced: tuple[Unplaced, ...]
    placed_persons: int
    total_persons: int
    cost: int  # sum of the soft costs of all assignments
    objective: int  # solver objective: big * placed_persons - cost
    status: str  # "OPTIMAL" (proven) or "FEASIBLE" (time limit hit) or "EMPTY"
    wall_time_s: float

    def unit_of(self, household_key: str) -> str | None:
        for a in self.assignments:
            if a.household_key == household_key:
                return a.unit_key
        return None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form, e.g. to keep the proposal between review and confirmation."""
        return {
            "assignments": [
                {
                    "household": a.household_key,
                    "unit": a.unit_key,
                    "facility": a.facility_key,
                    "size": a.size,
                    "cost": a.cost,
                    "breakdown": [list(c) for c in a.breakdown],
                    "reasons": [[r.code, dict(r.params)] for r in a.reasons],
                }
                for a in self.assignments
            ],
            "unplaced": [
                {
                    "household": u.household_key,
                    "size": u.size,
                    "reason": [u.reason.code, dict(u.reason.params)],
                }
                for u in self.unplaced
            ],
            "placed_persons": self.placed_persons,
            "total_persons": self.total_persons,
            "cost": self.cost,
            "objective": self.objective,
            "status": self.status,
            "wall_time_s": self.wall_time_s,
        }
