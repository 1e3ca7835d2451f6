"""kim's legal rules engine: facts in, dated and explained decisions out.

Pure Python, no Django. Contract and law: ``docs/legal-rules.md`` (shared docs); structure
and how to add a law change: ``README.md`` next to this file.
"""

from .codes import FIELD_CATALOGUE, STATUS_CODES, UPCOMING_FIELDS, field_catalogue
from .engine import decide, evaluate, evaluate_point
from .facts import Facts, FactsError, parse_facts
from .params import DEFAULT_PARAMS, PARAMS_VERSION, Params

__all__ = [
    "DEFAULT_PARAMS",
    "FIELD_CATALOGUE",
    "PARAMS_VERSION",
    "STATUS_CODES",
    "UPCOMING_FIELDS",
    "Facts",
    "FactsError",
    "Params",
    "decide",
    "evaluate",
    "evaluate_point",
    "field_catalogue",
    "parse_facts",
]
