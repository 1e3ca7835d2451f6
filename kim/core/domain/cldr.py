"""Names of countries and languages in the user's language, from the CLDR data that
Babel ships (no download at run time)."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils.translation import get_language


@lru_cache(maxsize=16)
def _names(kind: str, language: str) -> dict[str, str]:
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        locale = Locale("de")
    return dict(getattr(locale, kind))


def names(kind: str, language: str | None = None) -> dict[str, str]:
    """``kind`` "territories" (ISO 3166-1 codes) or "languages" (ISO 639 codes) → name,
    in ``language`` or the active one (German when none is active)."""
    return _names(kind, (language or get_language() or "de").split("-")[0])
