"""Ranked volunteers for one request ("who else could take it?"), for the coordinator who
reviews a proposal or handles a single new request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .rules import assess, exclusions, load_item
from .types import DEFAULT_WEIGHTS, Key, Reason, Request, ScoreItem, Volunteer, Weights, key_order


@dataclass(frozen=True)
class Candidate:
    """One volunteer judged for the request. Allowed volunteers carry ``rank`` 1, 2, …
    (highest score first); excluded ones come last with ``rank`` None and the constraints
    they break."""

    volunteer_key: Key
    rank: int | None
    score: int
    breakdown: tuple[ScoreItem, ...]
    reasons: tuple[Reason, ...]

    @property
    def allowed(self) -> bool:
        return self.rank is not None


def candidates(
    request: Request,
    volunteers: Sequence[Volunteer],
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    on: date,
    include_excluded: bool = True,
) -> list[Candidate]:
    """Every volunteer: allowed ones by score (pair points minus the load cost of their
    next assignment), then by id; excluded ones after them, by id."""
    allowed: list[Candidate] = []
    excluded: list[Candidate] = []
    for volunteer in sorted(volunteers, key=lambda v: key_order(v.key)):
        broken = exclusions(volunteer, request, on)
        if broken:
            excluded.append(Candidate(volunteer.key, None, 0, (), tuple(broken)))
            continue
        points, items, reasons = assess(volunteer, request, weights)
        load, load_reason = load_item(volunteer, volunteer.load + 1, weights)
        breakdown = (*items, load) if load.points else items
        score = points + load.points
        allowed.append(Candidate(volunteer.key, 0, score, breakdown, (*reasons, load_reason)))
    allowed.sort(key=lambda c: -c.score)  # stable: ties stay in id order
    ranked = [
        Candidate(c.volunteer_key, rank, c.score, c.breakdown, c.reasons)
        for rank, c in enumerate(allowed, start=1)
    ]
    return ranked + excluded if include_excluded else ranked
