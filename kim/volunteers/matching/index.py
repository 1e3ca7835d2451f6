"""The hard constraints and pair points of ``rules.py`` for all volunteers at once.

One boolean column per language, skill, district and slot that some request names, so a
request's candidates are a few vector operations over the volunteers instead of a Python
loop over every pair (2 000 × 1 000 pairs would take seconds). Property tests keep this
equal to ``rules.exclusions`` / ``rules.assess``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import numpy.typing as npt

from .rules import level_steps
from .types import Request, Volunteer, Weights

Mask = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]

# The constraints in the order the explanations name them.
CONSTRAINTS = ("language", "skill", "district", "slot", "certificate")


def _columns(values: Sequence[str | None]) -> dict[str, int]:
    named = sorted({v for v in values if v is not None})
    return {value: col for col, value in enumerate(named)}


class Index:
    """Volunteers (in the given order) as columns of boolean matrices, built for the
    values that ``requests`` name."""

    def __init__(
        self,
        volunteers: Sequence[Volunteer],
        requests: Sequence[Request],
        on: date,
        weights: Weights,
    ) -> None:
        n = len(volunteers)
        self.size = n
        self.weights = weights
        self.languages = _columns([r.language for r in requests])
        self.skills = _columns([r.skill for r in requests])
        self.districts = _columns([r.district for r in requests])
        self.slots = _columns([s for r in requests for s in r.slots])
        self.households = _columns([r.household for r in requests])
        self.speaks = np.zeros((n, len(self.languages)), dtype=np.bool_)
        self.steps = np.zeros((n, len(self.languages)), dtype=np.int64)
        self.has_skill = np.zeros((n, len(self.skills)), dtype=np.bool_)
        self.names_district = np.zeros((n, len(self.districts)), dtype=np.bool_)
        self.available = np.zeros((n, len(self.slots)), dtype=np.bool_)
        self.earlier = np.zeros((n, len(self.households)), dtype=np.bool_)
        self.any_district = np.array([v.any_district for v in volunteers], dtype=np.bool_)
        self.certified = np.array([v.certificate_valid(on) for v in volunteers], dtype=np.bool_)
        self.free = np.array([v.free for v in volunteers], dtype=np.int64)
        self.load = np.array([v.load for v in volunteers], dtype=np.int64)
        for row, v in enumerate(volunteers):
            for code in v.languages:
                col = self.languages.get(code)
                if col is not None:
                    self.speaks[row, col] = True
                    self.steps[row, col] = level_steps(v, code, weights)
            for matrix, values, columns in (
                (self.has_skill, v.skills, self.skills),
                (self.names_district, v.districts, self.districts),
                (self.available, v.slots, self.slots),
                (self.earlier, v.earlier_households, self.households),
            ):
                for value in values:
                    col = columns.get(value)
                    if col is not None:
                        matrix[row, col] = True

    def constraints(self, request: Request) -> list[tuple[str, Mask]]:
        """(constraint, volunteers that meet it) for each constraint the request sets; the
        slot constraint is always set (a request without slots can meet no one)."""
        found: list[tuple[str, Mask]] = []
        if request.language is not None:
            found.append(("language", self.speaks[:, self.languages[request.language]]))
        if request.skill is not None:
            found.append(("skill", self.has_skill[:, self.skills[request.skill]]))
        if request.district is not None:
            named = self.names_district[:, self.districts[request.district]]
            found.append(("district", named | self.any_district))
        cols = [self.slots[s] for s in sorted(request.slots)]
        shares_slot = np.asarray(self.available[:, cols].any(axis=1), dtype=np.bool_)
        found.append(("slot", shares_slot))
        if request.involves_children:
            found.append(("certificate", self.certified))
        return found

    def eligible(self, request: Request) -> Mask:
        """Volunteers who meet every hard constraint except capacity."""
        mask = np.ones(self.size, dtype=np.bool_)
        for _, meets in self.constraints(request):
            mask &= meets
        return mask

    def points(self, request: Request, rows: Ints) -> Ints:
        """Pair points (``rules.assess``, without load) of the volunteers in ``rows``."""
        w = self.weights
        points = np.zeros(rows.size, dtype=np.int64)
        if request.language is not None:
            points += w.level_step * self.steps[rows, self.languages[request.language]]
        if request.district is not None:
            named = self.names_district[rows, self.districts[request.district]]
            points += w.district_named * named.astype(np.int64)
        if request.household is not None:
            earlier = self.earlier[rows, self.households[request.household]]
            points += w.continuity * earlier.astype(np.int64)
        return points
