"""Placement core of the housing app (issue 4 item 7): ranked suggestions for one
household and the optimal assignment of a whole arrival (OR-Tools CP-SAT).

Pure Python, no Django: the housing app maps Facility/Unit/Place/Stay onto these records.
Interface and rules: README.md next to this file.
"""

from .rules import (
    USE_ACCEPTS,
    assess,
    exclusions,
    group_exclusions,
    is_allowed,
    unplaced_reason,
)
from .solver import PlacementError, check_assignments, solve
from .suggest import Suggestion, suggest
from .texts import REASON_TEXTS, VALUE_TEXTS, render
from .types import (
    DEFAULT_WEIGHTS,
    Assignment,
    CostItem,
    HouseholdNeed,
    Plan,
    Reason,
    UnitOffer,
    Unplaced,
    Weights,
)

__all__ = [
    "DEFAULT_WEIGHTS",
    "REASON_TEXTS",
    "USE_ACCEPTS",
    "VALUE_TEXTS",
    "Assignment",
    "CostItem",
    "HouseholdNeed",
    "PlacementError",
    "Plan",
    "Reason",
    "Suggestion",
    "UnitOffer",
    "Unplaced",
    "Weights",
    "assess",
    "check_assignments",
    "exclusions",
    "group_exclusions",
    "is_allowed",
    "render",
    "solve",
    "suggest",
    "unplaced_reason",
]
