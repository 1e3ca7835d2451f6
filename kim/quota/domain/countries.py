"""Country names for ISO 3166-1 codes in the user's language (CLDR data via Babel)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kim.core.domain.cldr import names
from kim.rules.countries import STATELESS_OR_UNKNOWN


def country_name(code: str, language: str | None = None) -> str:
    if code == STATELESS_OR_UNKNOWN:
        return _("stateless or unknown")
    return names("territories", language).get(code, code)
