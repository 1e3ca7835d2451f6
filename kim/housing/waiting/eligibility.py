"""Waiting-list eligibility of a household from the rules engine's ``housing_category`` of
its members (legal-rules.md §3.10, Soest Tab. 7).

Decision (documented in README.md): members with ``not_applicable`` (settled, EU citizen,
German) neither block nor qualify — they move with their household; a household of only
such members is eligible (nothing in refugee law keeps it in municipal accommodation: the
Fehlbeleger list counts it as entitled to an own flat). Among the others the
most favourable category decides, because a household is never split and a member with a
``placeable`` status is entitled to leave municipal accommodation now (the Tab. 7 count
"aktuell vermittelbar"): one ``placeable`` member makes the household eligible. Otherwise
the household is ``not_yet_placeable`` (any Gestattung from a country without good
prospects) or ``not_placeable`` (safe country of origin, Duldung).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..placement.types import Reason

HOUSING_CATEGORIES = ("placeable", "not_yet_placeable", "not_placeable", "not_applicable")


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    category: str  # the household's category, one of HOUSING_CATEGORIES or "unknown"
    reason: Reason


def eligibility(categories: Iterable[str]) -> Eligibility:
    """Eligibility from the members' ``housing_category`` values (one per member)."""
    members = list(categories)
    for index, value in enumerate(members):
        if value not in HOUSING_CATEGORIES:
            raise ValueError(f"member {index + 1}: unknown housing_category {value!r}")
    if not members:
        return Eligibility(False, "unknown", Reason("eligibility_unknown"))
    relevant = [c for c in members if c != "not_applicable"]
    if not relevant:  # free to rent like anyone: as entitled as a placeable member
        return Eligibility(True, "not_applicable", Reason("eligibility_not_applicable"))
    placeable = relevant.count("placeable")
    if placeable:
        return Eligibility(
            True,
            "placeable",
            Reason("eligibility_placeable", {"placeable": placeable, "members": len(members)}),
        )
    if "not_yet_placeable" in relevant:
        return Eligibility(False, "not_yet_placeable", Reason("eligibility_not_yet_placeable"))
    return Eligibility(False, "not_placeable", Reason("eligibility_not_placeable"))
