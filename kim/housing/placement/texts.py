"""English texts of the reason codes (msgids for the UI layer, which translates them with
gettext; German in kim/locale). Pure: ``render`` takes the translate function."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .types import Reason


def gettext_noop(message: str) -> str:
    """Marks ``message`` as a msgid: Django's makemessages extracts calls of this name
    (as for django.utils.translation.gettext_noop); translating is the UI layer's job."""
    return message


REASON_TEXTS: dict[str, str] = {
    # why this place
    "household_together": gettext_noop("The household stays together (household size: %(size)s)."),
    "target_use": gettext_noop("Target use of the unit: %(use)s."),
    "phase1_reception": gettext_noop(
        "Phase I central reception, the usual first stop for new arrivals."
    ),
    "phase1_although_skips": gettext_noop(
        "Phase I although the household belongs to a group that should skip it."
    ),
    "vulnerable_phase2": gettext_noop("Vulnerable persons: placed outside Phase I."),
    "skips_phase1": gettext_noop("The household belongs to a group that skips Phase I."),
    "outside_phase1": gettext_noop("Placed in %(phase)s although Phase I is the usual first stop."),
    "accessible": gettext_noop("Accessible unit, as needed."),
    "near": gettext_noop("Close to: %(what)s."),
    "not_near": gettext_noop("Not close to: %(what)s."),
    "language_neighbours": gettext_noop("Neighbours who speak %(languages)s."),
    "no_language_neighbours": gettext_noop("No neighbours who speak %(languages)s."),
    "free_places": gettext_noop("Free places: %(free)s, needed: %(size)s."),
    # why not there / why not placed
    "youth_welfare": gettext_noop(
        "Unaccompanied minor: never in shared accommodation, the youth welfare office "
        "takes charge (SGB VIII)."
    ),
    "excluded_vulnerable_only": gettext_noop("The unit is reserved for vulnerable persons."),
    "excluded_target_use": gettext_noop("The target use %(use)s does not take %(composition)s."),
    "excluded_vulnerable_phase1": gettext_noop("Vulnerable persons are not placed in Phase I."),
    "excluded_not_accessible": gettext_noop("The unit is not accessible."),
    "excluded_too_small": gettext_noop("Too few free places: %(free)s, needed: %(size)s."),
    "no_unit_for_use": gettext_noop("No unit whose target use takes %(composition)s."),
    "no_phase2_unit": gettext_noop("No suitable unit outside Phase I for vulnerable persons."),
    "no_accessible_unit": gettext_noop("No suitable accessible unit."),
    "no_unit_large_enough": gettext_noop(
        "No unit for %(composition)s has enough free places "
        "(needed: %(size)s, at most %(max_free)s free)."
    ),
    "capacity_used": gettext_noop(
        "The suitable units (%(units)s) are needed for other households "
        "(the plan places as many persons as possible)."
    ),
    # checks before a reviewed plan is written
    "unknown_key": gettext_noop("Unknown household %(household)s or unit %(unit)s."),
    "over_capacity": gettext_noop("Over capacity: %(size)s needed, %(free)s free."),
    "single_household_shared": gettext_noop(
        "A flat for one household was given to several households."
    ),
}

# Texts for parameter values, by parameter name (other values are shown as they are).
VALUE_TEXTS: dict[str, dict[str, str]] = {
    "use": {
        "families": gettext_noop("families"),
        "single_men": gettext_noop("single men"),
        "single_women": gettext_noop("single women"),
        "vulnerable": gettext_noop("vulnerable persons"),
        "mixed": gettext_noop("mixed occupancy"),
    },
    "composition": {
        "family": gettext_noop("families"),
        "single_man": gettext_noop("single men"),
        "single_woman": gettext_noop("single women"),
        "uma": gettext_noop("unaccompanied minors"),
    },
    "phase": {
        "1": gettext_noop("Phase I"),
        "2": gettext_noop("Phase II"),
        "flat": gettext_noop("a rented flat"),
    },
    "what": {
        "school": gettext_noop("school"),
        "kita": gettext_noop("day care centre (Kita)"),
        "doctor": gettext_noop("doctor"),
    },
}


def _identity(text: str) -> str:
    return text


def render(
    reason: Reason,
    translate: Callable[[str], str] = _identity,
    texts: Mapping[str, str] = REASON_TEXTS,
    describe: Callable[[str, object], object] | None = None,
) -> str:
    """The reason as a sentence; pass gettext as ``translate`` for German. ``describe``
    names parameter values that VALUE_TEXTS does not know (e.g. language codes)."""
    params: dict[str, object] = {}
    values = VALUE_TEXTS.get  # e.g. "kita" → "day care centre (Kita)", then translated

    def show(name: str, value: object) -> object:
        text = values(name, {}).get(str(value))
        if text is not None:
            return translate(text)
        return describe(name, value) if describe else value

    for name, value in reason.params.items():
        if isinstance(value, list | tuple):
            params[name] = ", ".join(str(show(name, v)) for v in value)
        else:
            params[name] = show(name, value)
    return translate(texts[reason.code]) % params
