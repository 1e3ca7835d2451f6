"""Reason codes of the pure placement and waiting-list cores as sentences in the user's
language: their English msgids (placement/texts.py, waiting/texts.py) through gettext,
language codes as language names (CLDR via Babel)."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _

from kim.core.domain.cldr import names
from kim.housing.placement import REASON_TEXTS, Reason, render


def _describe(name: str, value: object) -> object:
    if name == "languages":
        return names("languages").get(str(value), value)
    return value


def reason_text(reason: Reason | list, texts: Mapping[str, str] = REASON_TEXTS) -> str:
    """A Reason (or its JSON form ``[code, params]`` kept in the session) as a sentence."""
    code, params = (reason.code, reason.params) if isinstance(reason, Reason) else reason
    return render(Reason(code, params), _, texts, describe=_describe)
