"""Plain input/output records of the matching core (no Django: the volunteers app maps its
models onto these and back). See README.md next to this file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any, NamedTuple

# Ids are kept as the caller gives them (a database key, a JSON number or string).
Key = str | int

ANY_DISTRICT = "*"  # a volunteer who takes requests in every district
# Upper bound for capacity and load: far above any real volunteer, low enough that load
# costs stay exact in the solver's 64-bit integers.
MAX_ASSIGNMENTS = 1_000_000

# Common European Framework of Reference levels; "native" counts as C2. The value is the
# number of steps above A1 that the language-level score pays for.
LEVEL_STEPS: Mapping[str, int] = MappingProxyType(
    {"A1": 0, "A2": 1, "B1": 2, "B2": 3, "C1": 4, "C2": 5, "native": 5}
)


def normalise_level(level: str) -> str:
    """ "b2" → "B2", "Native" → "native"; raises ValueError for anything else."""
    text = level.strip()
    for known in LEVEL_STEPS:
        if text.casefold() == known.casefold():
            return known
    raise ValueError(f"unknown language level {level!r}")


def normalise_language(code: str) -> str:
    """Language tags are case-insensitive (BCP 47, ISO 639): compare them case-folded."""
    return code.strip().casefold()


def key_order(key: Key) -> tuple[int, int, str]:
    """Sort order for mixed int/str ids: numbers first (numerically), then strings."""
    if isinstance(key, int):
        return (0, key, "")
    return (1, 0, key)


def _check_key(kind: str, key: object) -> None:
    if isinstance(key, bool) or not isinstance(key, int | str) or key == "":
        raise ValueError(f"{kind} id must be a non-empty string or an integer, got {key!r}")


class Reason(NamedTuple):
    """A machine-readable explanation: a code of ``REASON_TEXTS`` and its parameters
    (JSON-safe values only: str, int, list of str), e.g. ``("no_language", {"language":
    "ti"})``."""

    code: str
    params: Mapping[str, Any] = {}


class ScoreItem(NamedTuple):
    """One line of a score breakdown: what earned (or, for load, cost) the points."""

    code: str
    points: int


@dataclass(frozen=True)
class Volunteer:
    """One volunteer as the matching sees them. ``capacity`` is the maximum number of
    parallel assignments, ``load`` the assignments they already have: ``capacity − load``
    are free. ``districts`` may contain ``"*"`` (every district). ``earlier_households``
    are opaque references of households they accompanied before (continuity).
    ``certificate_until`` is the last day their certificate of good conduct is valid."""

    key: Key
    languages: frozenset[str]
    skills: frozenset[str]
    districts: frozenset[str]
    slots: frozenset[str]
    capacity: int
    load: int = 0
    levels: Mapping[str, str] = field(default_factory=dict)  # language → CEFR level
    earlier_households: frozenset[str] = frozenset()
    certificate_until: date | None = None

    def __post_init__(self) -> None:
        _check_key("volunteer", self.key)
        for name, value in (("capacity", self.capacity), ("load", self.load)):
            if not 0 <= value <= MAX_ASSIGNMENTS:
                raise ValueError(f"volunteer {self.key!r}: {name} must be 0 to {MAX_ASSIGNMENTS}")
        languages = frozenset(normalise_language(code) for code in self.languages)
        levels = {normalise_language(k): normalise_level(v) for k, v in self.levels.items()}
        for code in levels:
            if code not in languages:
                raise ValueError(f"volunteer {self.key!r}: level for {code!r}, not a language")
        object.__setattr__(self, "languages", languages)
        object.__setattr__(self, "levels", MappingProxyType(levels))

    @property
    def free(self) -> int:
        """Assignments this volunteer can still take."""
        return max(self.capacity - self.load, 0)

    @property
    def any_district(self) -> bool:
        return ANY_DISTRICT in self.districts

    def certificate_valid(self, on: date) -> bool:
        return self.certificate_until is not None and self.certificate_until >= on


@dataclass(frozen=True)
class Request:
    """One request for help. ``language``, ``skill`` and ``district`` are optional (None:
    any); a district of ``"*"`` means any district. ``household`` is the caseworker's
    opaque reference of the household (never person data), used for continuity only."""

    key: Key
    slots: frozenset[str]
    language: str | None = None
    skill: str | None = None
    district: str | None = None
    involves_children: bool = False
    household: str | None = None

    def __post_init__(self) -> None:
        _check_key("request", self.key)
        if self.language is not None:
            object.__setattr__(self, "language", normalise_language(self.language))
        if self.district == ANY_DISTRICT:
            object.__setattr__(self, "district", None)


@dataclass(frozen=True)
class Weights:
    """Soft score points (higher is better). Matching more requests always comes first:
    the score only chooses between plans that match the same number of requests."""

    level_step: int = 2  # per CEFR step above A1 in the request's language (C2/native: 10)
    unknown_level_steps: int = 2  # a language without a recorded level counts as B1
    district_named: int = 4  # the volunteer names the district (not only "*": closer)
    continuity: int = 10  # the volunteer accompanied this household before
    load_step: int = 3  # the n-th parallel assignment of a volunteer costs (n − 1) × this

    def __post_init__(self) -> None:
        for name, value in self.to_dict().items():
            if value < 0:
                raise ValueError(f"weight {name} must not be negative")

    def load_cost(self, assignment: int) -> int:
        """Cost of a volunteer's ``assignment``-th parallel assignment (1-based): grows
        with each one, so the optimum spreads requests over volunteers (load balance)."""
        return self.load_step * (assignment - 1)

    def to_dict(self) -> dict[str, int]:
        return {
            "level_step": self.level_step,
            "unknown_level_steps": self.unknown_level_steps,
            "district_named": self.district_named,
            "continuity": self.continuity,
            "load_step": self.load_step,
        }


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class Match:
    """A suggested pair, to be reviewed and confirmed by the coordinator. ``score`` is the
    pair's points minus the load cost of this assignment (``breakdown`` sums to it)."""

    request_key: Key
    volunteer_key: Key
    score: int
    breakdown: tuple[ScoreItem, ...]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Unmatched:
    request_key: Key
    reasons: tuple[Reason, ...]


def reason_dict(reason: Reason) -> dict[str, Any]:
    return {"code": reason.code, "params": dict(reason.params)}


@dataclass(frozen=True)
class Result:
    """All requests, each either matched or unmatched (in the order given)."""

    matches: tuple[Match, ...]
    unmatched: tuple[Unmatched, ...]
    score: int  # sum of the match scores: the soft objective
    wall_time_s: float

    def volunteer_of(self, request_key: Key) -> Key | None:
        for m in self.matches:
            if m.request_key == request_key:
                return m.volunteer_key
        return None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form, e.g. to keep the proposal between review and confirmation."""
        return {
            "matches": [
                {
                    "request": m.request_key,
                    "volunteer": m.volunteer_key,
                    "score": m.score,
                    "breakdown": [list(item) for item in m.breakdown],
                    "reasons": [reason_dict(r) for r in m.reasons],
                }
                for m in self.matches
            ],
            "unmatched": [
                {"request": u.request_key, "reasons": [reason_dict(r) for r in u.reasons]}
                for u in self.unmatched
            ],
            "score": self.score,
            "wall_time_s": self.wall_time_s,
        }
