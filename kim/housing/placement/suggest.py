"""Ranked placement suggestions for one household ("why this place", "why not there")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .rules import assess, exclusions
from .types import DEFAULT_WEIGHTS, CostItem, HouseholdNeed, Reason, UnitOffer, Weights


@dataclass(frozen=True)
class Suggestion:
    """One unit judged for the household. Allowed units carry ``rank`` 1, 2, … (lower cost
    first); excluded units come last with ``rank`` None and the hard rules they break."""

    unit_key: str
    facility_key: str
    rank: int | None
    cost: int
    breakdown: tuple[CostItem, ...]
    reasons: tuple[Reason, ...]

    @property
    def allowed(self) -> bool:
        return self.rank is not None


def suggest(
    household: HouseholdNeed,
    units: Sequence[UnitOffer],
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    include_excluded: bool = True,
) -> list[Suggestion]:
    """Every unit, allowed ones ranked by soft cost, then by the tightest fit (large units
    stay free for large households), facility and unit key; excluded ones after them."""
    allowed: list[tuple[tuple[int, int, str, str], UnitOffer]] = []
    excluded: list[Suggestion] = []
    for unit in units:
        broken = exclusions(household, unit)
        if broken:
            excluded.append(Suggestion(unit.key, unit.facility_key, None, 0, (), tuple(broken)))
        else:
            cost = assess(household, unit, weights)[0]
            order = (cost, unit.free_places - household.size, unit.facility_key, unit.key)
            allowed.append((order, unit))
    allowed.sort(key=lambda pair: pair[0])
    ranked = []
    for rank, (_, unit) in enumerate(allowed, start=1):
        cost, breakdown, reasons = assess(household, unit, weights)
        ranked.append(Suggestion(unit.key, unit.facility_key, rank, cost, breakdown, reasons))
    if not include_excluded:
        return ranked
    excluded.sort(key=lambda s: (s.facility_key, s.unit_key))
    return ranked + excluded
