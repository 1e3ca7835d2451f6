"""kim's legal rules engine: facts in, dated and explained decisions out.

Pure Python, no Django. Contract and law: ``docs/legal-rules.md`` (shared docs); structure
and how to add a law change: ``README.md`` next to this file.
"""

from .benefits import asylblg_statuses
from .children import schooling_by_age
from .codes import FIELD_CATALOGUE, STATUS_CODES, UPCOMING_FIELDS, field_catalogue
from .engine import Point, decide, evaluate, evaluate_point
from .facts import Facts, FactsError, Person, parse_facts, parse_person
from .groups import entitles_own_flat
from .params import DEFAULT_PARAMS, PARAMS_VERSION, Params, params_fingerprint
from .timeline import TIMELINE_FIELDS, Decided, Segment, timeline

__all__ = [
    "DEFAULT_PARAMS",
    "FIELD_CATALOGUE",
    "PARAMS_VERSION",
    "STATUS_CODES",
    "TIMELINE_FIELDS",
    "UPCOMING_FIELDS",
    "Decided",
    "Facts",
    "FactsError",
    "Params",
    "Person",
    "Point",
    "Segment",
    "asylblg_statuses",
    "decide",
    "entitles_own_flat",
    "evaluate",
    "evaluate_point",
    "field_catalogue",
    "params_fingerprint",
    "parse_facts",
    "parse_person",
    "schooling_by_age",
    "timeline",
]
