"""Citizenships are stored as ISO 3166-1 codes but chosen by country name (German or
English, from CLDR): the picker of the person form and the parsing of what was typed."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kim.core.domain.cldr import names
from kim.rules.countries import CITIZENSHIP_CODES, STATELESS_OR_UNKNOWN

LANGUAGES = ("de", "en")


def country_label(code: str) -> str:
    """The name in the user's language; the code when CLDR has no name for it."""
    if code == STATELESS_OR_UNKNOWN:
        return _("stateless or unknown")
    return names("territories").get(code, code)


def _names_of(code: str) -> list[str]:
    found = [names("territories", language).get(code, "") for language in LANGUAGES]
    return [n.casefold() for n in [*found, country_label(code)] if n]


def country_choices(text: str, limit: int = 20) -> list[tuple[str, str]]:
    """Countries whose German, English or displayed name contains ``text`` (or whose code
    it is): names beginning with it first, then alphabetically."""
    needle = text.strip().casefold()
    if not needle:
        return []
    ranked = []
    for code in CITIZENSHIP_CODES:
        known = _names_of(code)
        if needle == code.casefold() or any(needle in n for n in known):
            starts = needle == code.casefold() or any(n.startswith(needle) for n in known)
            ranked.append((not starts, country_label(code).casefold(), code))
    return [(code, country_label(code)) for *_, code in sorted(ranked)[:limit]]


def code_of(value: str) -> str:
    """``"SY"``, ``"sy"``, ``"Syrien"`` or ``"Syria"`` → ``"SY"``; "" when no country has
    that code or name."""
    wanted = value.strip().casefold()
    for code in CITIZENSHIP_CODES:
        if wanted == code.casefold() or wanted in _names_of(code):
            return code
    return ""


def parse(value: str) -> list[str]:
    """The known codes in a comma-separated value (for showing what is chosen)."""
    return [c for c in (code_of(p) for p in (value or "").replace(";", ",").split(",")) if c]
