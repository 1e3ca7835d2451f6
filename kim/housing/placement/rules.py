"""Hard rules (which unit may take which household) and soft costs with their reasons.

Shared by the mass-arrival solver and the single-household suggestions, so both explain
a placement the same way. Hard rules (Soest 5.5.1.1, product.md §2.4):
- households are never split (one unit takes the whole household, ``size`` ≤ free places);
- UMA are never placed in shared accommodation: youth welfare (SGB VIII) takes them;
- target use: see ``USE_ACCEPTS``; a "vulnerable" unit only takes vulnerable households;
- vulnerable persons never go to Phase I;
- a household that needs an accessible unit only gets an accessible one.
"""

from __future__ import annotations

from collections.abc import Sequence

from .types import CostItem, HouseholdNeed, Reason, UnitOffer, Weights

# Which household compositions a target use accepts. Single women may live with families
# (protection from shared housing with single men), never in a single-men unit.
USE_ACCEPTS: dict[str, frozenset[str]] = {
    "families": frozenset({"family", "single_woman"}),
    "single_men": frozenset({"single_man"}),
    "single_women": frozenset({"single_woman"}),
    "vulnerable": frozenset({"family", "single_man", "single_woman"}),
    "mixed": frozenset({"family", "single_man", "single_woman"}),
}


def use_accepts(unit: UnitOffer, household: HouseholdNeed) -> bool:
    if unit.target_use == "vulnerable" and not household.vulnerable:
        return False
    return household.composition in USE_ACCEPTS[unit.target_use]


def exclusions(household: HouseholdNeed, unit: UnitOffer) -> list[Reason]:
    """Every hard rule that forbids this pair; empty when the unit may take the household.
    Capacity is checked against the unit's free places before this plan."""
    found = group_exclusions(household, unit)
    if household.size > unit.free_places and found != [Reason("youth_welfare")]:
        found.append(
            Reason("excluded_too_small", {"free": unit.free_places, "size": household.size})
        )
    return found


def group_exclusions(household: HouseholdNeed, unit: UnitOffer) -> list[Reason]:
    """The unit's target group against the household (target use, vulnerable-only units,
    no vulnerable persons in Phase I, accessibility) – capacity aside. The one rule of the
    solver, the suggestions and a manual move or move-in (kim.housing.domain.stays)."""
    if household.composition == "uma":
        return [Reason("youth_welfare")]
    found: list[Reason] = []
    if unit.target_use == "vulnerable" and not household.vulnerable:
        found.append(Reason("excluded_vulnerable_only"))
    elif not use_accepts(unit, household):
        found.append(
            Reason(
                "excluded_target_use",
                {"use": unit.target_use, "composition": household.composition},
            )
        )
    if household.vulnerable and unit.phase == 1:
        found.append(Reason("excluded_vulnerable_phase1"))
    if household.needs_accessible and not unit.accessible:
        found.append(Reason("excluded_not_accessible"))
    return found


def is_allowed(household: HouseholdNeed, unit: UnitOffer) -> bool:
    return not exclusions(household, unit)


def assess(
    household: HouseholdNeed, unit: UnitOffer, weights: Weights
) -> tuple[int, tuple[CostItem, ...], tuple[Reason, ...]]:
    """Soft cost of an allowed pair, its breakdown and the reasons "why this place"."""
    reasons: list[Reason] = [
        Reason("household_together", {"size": household.size}),
        Reason("target_use", {"use": unit.target_use}),
    ]
    costs: list[CostItem] = []
    if unit.phase == 1:
        if household.skips_phase1:
            reasons.append(Reason("phase1_although_skips"))
            costs.append(CostItem("phase1_although_skips", weights.skip_phase1_in_phase1))
        else:
            reasons.append(Reason("phase1_reception"))
    elif household.vulnerable:
        reasons.append(Reason("vulnerable_phase2"))
    elif household.skips_phase1:
        reasons.append(Reason("skips_phase1"))
    else:
        reasons.append(Reason("outside_phase1", {"phase": str(unit.phase)}))
        costs.append(CostItem("outside_phase1", weights.phase1_first_per_person * household.size))
    if household.needs_accessible:
        reasons.append(Reason("accessible"))
    for what in sorted(household.wants):
        if what in unit.near:
            reasons.append(Reason("near", {"what": what}))
        else:
            reasons.append(Reason("not_near", {"what": what}))
            costs.append(CostItem("not_near", weights.want_cost(what)))
    if household.languages:
        common = sorted(household.languages & unit.resident_languages)
        if common:
            reasons.append(Reason("language_neighbours", {"languages": common}))
        else:
            reasons.append(
                Reason("no_language_neighbours", {"languages": sorted(household.languages)})
            )
            costs.append(CostItem("no_language_neighbours", weights.no_language_neighbours))
    reasons.append(Reason("free_places", {"free": unit.free_places, "size": household.size}))
    costs = [c for c in costs if c.points]
    return sum(c.points for c in costs), tuple(costs), tuple(reasons)


def unplaced_reason(household: HouseholdNeed, units: Sequence[UnitOffer]) -> Reason:
    """Why a household got no unit: the first hard rule that leaves no candidate, or, when
    suitable units exist, that their places went to others (more persons placed)."""
    if household.composition == "uma":
        return Reason("youth_welfare")
    candidates = [u for u in units if use_accepts(u, household)]
    if not candidates:
        return Reason("no_unit_for_use", {"composition": household.composition})
    if household.vulnerable:
        candidates = [u for u in candidates if u.phase != 1]
        if not candidates:
            return Reason("no_phase2_unit")
    if household.needs_accessible:
        candidates = [u for u in candidates if u.accessible]
        if not candidates:
            return Reason("no_accessible_unit")
    large = [u for u in candidates if u.free_places >= household.size]
    if not large:
        return Reason(
            "no_unit_large_enough",
            {
                "composition": household.composition,
                "size": household.size,
                "max_free": max(u.free_places for u in candidates),
            },
        )
    return Reason("capacity_used", {"units": len(large)})
