"""Matching core of the volunteers app (issue 14 item 3): the optimal assignment of
volunteers to requests (OR-Tools min-cost flow), with reasons for every suggestion and
for every request left unmatched.

Pure Python, no Django: the volunteers app maps its models onto these records.
Interface, rules and score: README.md next to this file.
"""

from .baseline import first_fit
from .rules import assess, check_matches, exclusions, is_allowed
from .solver import MatchingError, match
from .suggest import Candidate, candidates
from .texts import REASON_TEXTS, VALUE_TEXTS, language_name, render
from .types import (
    ANY_DISTRICT,
    DEFAULT_WEIGHTS,
    LEVEL_STEPS,
    Key,
    Match,
    Reason,
    Request,
    Result,
    ScoreItem,
    Unmatched,
    Volunteer,
    Weights,
)

__all__ = [
    "ANY_DISTRICT",
    "DEFAULT_WEIGHTS",
    "LEVEL_STEPS",
    "REASON_TEXTS",
    "VALUE_TEXTS",
    "Candidate",
    "Key",
    "Match",
    "MatchingError",
    "Reason",
    "Request",
    "Result",
    "ScoreItem",
    "Unmatched",
    "Volunteer",
    "Weights",
    "assess",
    "candidates",
    "check_matches",
    "exclusions",
    "first_fit",
    "is_allowed",
    "language_name",
    "match",
    "render",
]
