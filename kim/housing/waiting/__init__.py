"""Private-housing waiting list (issue 4 item 8): eligibility from the rules engine's
``housing_category`` and a transparent, configurable priority order. Pure Python, no
Django; recording placements and auditing changes belong to the housing app.
See README.md next to this file."""

from .eligibility import HOUSING_CATEGORIES, Eligibility, eligibility
from .priority import (
    CRITERIA,
    CriterionScore,
    CriterionWeight,
    PriorityPolicy,
    RankedEntry,
    WaitingEntry,
    full_months,
    rank,
    score_entry,
)
from .texts import CRITERION_LABELS, WAITING_TEXTS

__all__ = [
    "CRITERIA",
    "CRITERION_LABELS",
    "HOUSING_CATEGORIES",
    "WAITING_TEXTS",
    "CriterionScore",
    "CriterionWeight",
    "Eligibility",
    "PriorityPolicy",
    "RankedEntry",
    "WaitingEntry",
    "eligibility",
    "full_months",
    "rank",
    "score_entry",
]
