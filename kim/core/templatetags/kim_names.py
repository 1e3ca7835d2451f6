"""Names instead of codes on pages: countries (ISO 3166-1) and languages (ISO 639) in the
user's language, from CLDR (kim.core.domain.cldr)."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from kim.core.domain.cldr import names

register = template.Library()


@register.filter
def country_names(codes: Iterable[str] | str | None) -> str:
    """``["SY", "IQ"]`` → "Syrien, Irak"; an unknown code stays as it is."""
    return _named("territories", codes)


@register.filter
def language_names(codes: Iterable[str] | str | None) -> str:
    return _named("languages", codes)


def _named(kind: str, codes: Iterable[str] | str | None) -> str:
    if not codes:
        return "–"
    if isinstance(codes, str):
        codes = [codes]
    table = names(kind)
    return ", ".join(table.get(str(code).upper() if kind == "territories" else str(code),
                               str(code)) for code in codes)
