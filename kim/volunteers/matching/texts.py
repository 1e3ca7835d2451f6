"""English texts of the reason codes (msgids for the UI layer, which translates them with
gettext; German in kim/locale). Pure: ``render`` takes the translate function.

Counts are shown after a colon ("Volunteers who speak Arabic: 3.") so that no text needs
plural forms.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from .types import Reason


def gettext_noop(message: str) -> str:
    """Marks ``message`` as a msgid: Django's makemessages extracts calls of this name
    (as for django.utils.translation.gettext_noop); translating is the UI layer's job."""
    return message


REASON_TEXTS: dict[str, str] = {
    # why this volunteer
    "speaks": gettext_noop("Speaks %(language)s (level not recorded)."),
    "speaks_level": gettext_noop("Speaks %(language)s (%(level)s)."),
    "has_skill": gettext_noop("Has the skill: %(skill)s."),
    "district_named": gettext_noop("Works in the district %(district)s."),
    "district_any": gettext_noop("Works in every district, %(district)s included."),
    "shared_slots": gettext_noop("Available at the requested time: %(slots)s."),
    "certificate_valid": gettext_noop(
        "Valid certificate of good conduct (the request involves children)."
    ),
    "certificate_valid_until": gettext_noop(
        "Certificate of good conduct valid until %(until)s (the request involves children)."
    ),
    "continuity": gettext_noop("Has accompanied this household before (continuity)."),
    "load": gettext_noop(
        "Parallel assignments with this one: %(assignments)s of at most %(capacity)s."
    ),
    # why not this volunteer
    "excluded_language": gettext_noop("Does not speak %(language)s."),
    "excluded_skill": gettext_noop("Lacks the skill: %(skill)s."),
    "excluded_district": gettext_noop("Does not work in the district %(district)s."),
    "excluded_slot": gettext_noop("Not available at the requested time: %(slots)s."),
    "excluded_certificate": gettext_noop(
        "No valid certificate of good conduct, and the request involves children."
    ),
    "excluded_capacity": gettext_noop(
        "At capacity: %(load)s of at most %(capacity)s parallel assignments."
    ),
    # why no volunteer for this request
    "no_volunteers": gettext_noop("There are no volunteers."),
    "no_request_slots": gettext_noop("The request names no time slot."),
    "no_language": gettext_noop("No volunteer speaks %(language)s."),
    "no_skill": gettext_noop("No volunteer has the skill: %(skill)s."),
    "no_district": gettext_noop("No volunteer works in the district %(district)s."),
    "no_slot": gettext_noop("No volunteer is available at the requested time: %(slots)s."),
    "no_certificate": gettext_noop(
        "No volunteer has a valid certificate of good conduct, and the request involves children."
    ),
    "all_at_capacity": gettext_noop(
        "Every volunteer who meets the requirements is at capacity (volunteers: %(count)s)."
    ),
    "capacity_used": gettext_noop(
        "Volunteers who meet the requirements: %(count)s; those with free capacity "
        "(%(free)s) are needed for other requests, and the plan matches as many requests "
        "as possible."
    ),
    "only_missing_language": gettext_noop(
        "Volunteers who meet every other requirement but do not speak %(language)s: %(count)s."
    ),
    "only_missing_skill": gettext_noop(
        "Volunteers who meet every other requirement but lack the skill %(skill)s: %(count)s."
    ),
    "only_missing_district": gettext_noop(
        "Volunteers who meet every other requirement but do not work in the district "
        "%(district)s: %(count)s."
    ),
    "only_missing_slot": gettext_noop(
        "Volunteers who meet every other requirement but are not available at the "
        "requested time (%(slots)s): %(count)s."
    ),
    "only_missing_certificate": gettext_noop(
        "Volunteers who meet every other requirement but have no valid certificate of good "
        "conduct: %(count)s."
    ),
    "with_language": gettext_noop("Volunteers who speak %(language)s: %(count)s."),
    "with_skill": gettext_noop("Volunteers with the skill %(skill)s: %(count)s."),
    "with_district": gettext_noop("Volunteers who work in the district %(district)s: %(count)s."),
    "with_slot": gettext_noop("Volunteers available at the requested time (%(slots)s): %(count)s."),
    "with_certificate": gettext_noop(
        "Volunteers with a valid certificate of good conduct: %(count)s."
    ),
    "no_combination": gettext_noop(
        "No volunteer meets all of these requirements together, nor all but one."
    ),
    # checks before a reviewed proposal is written
    "unknown_key": gettext_noop("Unknown request %(request)s or volunteer %(volunteer)s."),
    "over_capacity": gettext_noop(
        "Volunteer %(volunteer)s would have %(assignments)s parallel assignments, "
        "at most %(capacity)s."
    ),
}

# Texts for parameter values, by parameter name (other values are shown as they are).
VALUE_TEXTS: dict[str, dict[str, str]] = {
    "level": {"native": gettext_noop("native speaker")},
}

# ISO 639-3 codes that CLDR names under another code: Dari is Persian of Afghanistan,
# Northern Kurdish (Kurmanji) is what CLDR calls Kurdish.
LANGUAGE_ALIASES: dict[str, str] = {"prs": "fa_AF", "kmr": "ku"}


@lru_cache(maxsize=8)
def _language_names(locale: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(locale).languages)
    except (UnknownLocaleError, ValueError):
        return dict(Locale("en").languages)


def language_name(code: str, locale: str = "en") -> str:
    """ "ti" → "Tigrinya" (CLDR data shipped with Babel); unknown codes stay as they are."""
    names = _language_names(locale)
    key = code.replace("-", "_")
    return names.get(key) or names.get(LANGUAGE_ALIASES.get(key, key)) or code


def _identity(text: str) -> str:
    return text


def describe_english(name: str, value: object) -> object:
    """Parameter values shown in English: language names instead of codes."""
    if name == "language" and isinstance(value, str):
        return language_name(value, "en")
    return value


def render(
    reason: Reason,
    translate: Callable[[str], str] = _identity,
    texts: Mapping[str, str] = REASON_TEXTS,
    describe: Callable[[str, object], object] = describe_english,
) -> str:
    """The reason as a sentence; pass gettext as ``translate`` and a describe function in
    the user's language (e.g. German language names) for German."""
    params: dict[str, object] = {}

    def show(name: str, value: object) -> object:
        text = VALUE_TEXTS.get(name, {}).get(str(value))
        if text is not None:
            return translate(text)
        return describe(name, value)

    for name, value in reason.params.items():
        if isinstance(value, list | tuple):
            params[name] = ", ".join(str(show(name, v)) for v in value)
        else:
            params[name] = show(name, value)
    return translate(texts[reason.code]) % params
