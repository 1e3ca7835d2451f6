"""English texts of the reason codes (msgids for the UI layer, which translates them with
gettext; German in the lead's .po). Pure: ``render`` takes the translate function."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .types import Reason

REASON_TEXTS: dict[str, str] = {
    # why this place
    "household_together": "The household stays together (household size: %(size)s).",
    "target_use": "Target use of the unit: %(use)s.",
    "phase1_reception": "Phase I central reception, the usual first stop for new arrivals.",
    "phase1_although_skips": (
        "Phase I although the household belongs to a group that should skip it."
    ),
    "vulnerable_phase2": "Vulnerable persons: placed outside Phase I.",
    "skips_phase1": "The household belongs to a group that skips Phase I.",
    "outside_phase1": "Placed in %(phase)s although Phase I is the usual first stop.",
    "accessible": "Accessible unit, as needed.",
    "near": "Close to: %(what)s.",
    "not_near": "Not close to: %(what)s.",
    "language_neighbours": "Neighbours who speak %(languages)s.",
    "no_language_neighbours": "No neighbours who speak %(languages)s.",
    "free_places": "Free places: %(free)s, needed: %(size)s.",
    # why not there / why not placed
    "youth_welfare": (
        "Unaccompanied minor: never in shared accommodation, the youth welfare office "
        "takes charge (SGB VIII)."
    ),
    "excluded_vulnerable_only": "The unit is reserved for vulnerable persons.",
    "excluded_target_use": "The target use %(use)s does not take %(composition)s.",
    "excluded_vulnerable_phase1": "Vulnerable persons are not placed in Phase I.",
    "excluded_not_accessible": "The unit is not accessible.",
    "excluded_too_small": "Too few free places: %(free)s, needed: %(size)s.",
    "no_unit_for_use": "No unit whose target use takes %(composition)s.",
    "no_phase2_unit": "No suitable unit outside Phase I for vulnerable persons.",
    "no_accessible_unit": "No suitable accessible unit.",
    "no_unit_large_enough": (
        "No unit for %(composition)s has enough free places "
        "(needed: %(size)s, at most %(max_free)s free)."
    ),
    "capacity_used": (
        "The suitable units (%(units)s) are needed for other households "
        "(the plan places as many persons as possible)."
    ),
    # checks before a reviewed plan is written
    "unknown_key": "Unknown household %(household)s or unit %(unit)s.",
    "over_capacity": "Over capacity: %(size)s needed, %(free)s free.",
    "single_household_shared": "A flat for one household was given to several households.",
}

# Texts for parameter values, by parameter name (other values are shown as they are).
VALUE_TEXTS: dict[str, dict[str, str]] = {
    "use": {
        "families": "families",
        "single_men": "single men",
        "single_women": "single women",
        "vulnerable": "vulnerable persons",
        "mixed": "mixed occupancy",
    },
    "composition": {
        "family": "families",
        "single_man": "single men",
        "single_woman": "single women",
        "uma": "unaccompanied minors",
    },
    "phase": {"1": "Phase I", "2": "Phase II", "flat": "a rented flat"},
    "what": {"school": "school", "kita": "day care centre (Kita)", "doctor": "doctor"},
}


def _identity(text: str) -> str:
    return text


def render(
    reason: Reason,
    translate: Callable[[str], str] = _identity,
    texts: Mapping[str, str] = REASON_TEXTS,
) -> str:
    """The reason as a sentence; pass gettext as ``translate`` for German."""
    params: dict[str, object] = {}
    for name, value in reason.params.items():
        if isinstance(value, list | tuple):
            params[name] = ", ".join(str(v) for v in value)
        elif str(value) in VALUE_TEXTS.get(name, {}):
            params[name] = translate(VALUE_TEXTS[name][str(value)])
        else:
            params[name] = value
    return translate(texts[reason.code]) % params
