"""Country names for ISO 3166-1 codes in the user's language (CLDR data via Babel)."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kim.rules.countries import STATELESS_OR_UNKNOWN


@lru_cache(maxsize=8)
def _territories(language: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(language).territories)
    except (UnknownLocaleError, ValueError):
        return dict(Locale("de").territories)


def country_name(code: str, language: str | None = None) -> str:
    if code == STATELESS_OR_UNKNOWN:
        return _("stateless or unknown")
    lang = (language or get_language() or "de").split("-")[0]
    return _territories(lang).get(code, code)
