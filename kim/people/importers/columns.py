"""The columns of the person import (product.md §5.2) and how each value is checked.

The import framework (kim/core/io) reads the file and calls these parsers; a parser
raises :class:`CellError` with an English msgid (and parameters), shown translated."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kim.core.io.cells import choice
from kim.core.io.errors import CellProblem, gettext_noop
from kim.core.text import clean_text
from kim.people.domain.dates import DateFormatError, parse_full_date, parse_partial_date
from kim.people.models import HouseholdMember
from kim.people.models.fields import Activity, Childcare
from kim.rules.codes import STATUS_SET

_ISO2 = re.compile(r"^[A-Z]{2}$")


class CellError(CellProblem):
    pass


def text(limit: int) -> Callable[[str], str]:
    """Text of at most ``limit`` characters, cleaned (NFC, no bidi controls or stray
    zero-width characters: kim/core/text.py) before the length is checked."""
    def parse(value: str) -> str:
        value = clean_text(value)
        if len(value) > limit:
            raise CellError(gettext_noop("longer than %(limit)s characters"), limit=limit)
        return value
    return parse


def partial_date(value: str) -> tuple[datetime.date, str]:
    try:
        return parse_partial_date(value)
    except DateFormatError as exc:
        raise CellError(exc.msgid, **exc.params) from None


def full_date(value: str) -> datetime.date:
    try:
        return parse_full_date(value)
    except DateFormatError as exc:
        raise CellError(exc.msgid, **exc.params) from None


SEX_ALIASES = {"f": "f", "w": "f", "m": "m", "x": "x", "d": "x", "u": "u"}


def sex(value: str) -> str:
    try:
        return SEX_ALIASES[value.lower()]
    except KeyError:
        raise CellError(gettext_noop("use f, m, x or u (also w, d)")) from None


def citizenships(value: str) -> list[str]:
    codes = [c.strip().upper() for c in re.split(r"[,|/]", value) if c.strip()]
    bad = [c for c in codes if not _ISO2.match(c)]
    if not codes or bad:
        raise CellError(gettext_noop("not an ISO 3166-1 alpha-2 code (XX = stateless/"
                                     "unknown): %(value)r"), value=value)
    return codes


def status_code(value: str) -> str:
    code = value.strip().lower()
    if code not in STATUS_SET:
        raise CellError(gettext_noop("unknown status code (see legal-rules.md §2: e.g. "
                                     "gestattung, duldung, refugee)"))
    return code


@dataclass(frozen=True)
class Column:
    key: str
    german: tuple[str, ...]
    required: bool
    parse: Callable[[str], Any]


ROLE_ALIASES = {"haushaltsvorstand": "head", "vorstand": "head", "partner": "partner",
                "partnerin": "partner", "kind": "child", "sonstige": "other",
                "sonstiges": "other", "andere": "other"}

COLUMNS = [
    Column("external_id", ("Externe ID", "Externe-ID"), True, text(64)),
    Column("family_name", ("Nachname", "Familienname"), True, text(150)),
    Column("given_names", ("Vorname", "Vornamen"), True, text(150)),
    Column("birth_date", ("Geburtsdatum",), True, partial_date),
    Column("sex", ("Geschlecht",), True, sex),
    Column("citizenship", ("Staatsangehörigkeit", "Staatsangehoerigkeit"), True, citizenships),
    Column("household_ref", ("Haushalt",), False, text(64)),
    Column("household_role", ("Rolle im Haushalt",), False,
           choice([r.value for r in HouseholdMember.Role], ROLE_ALIASES)),
    Column("entry_date", ("Einreisedatum",), False, full_date),
    Column("asylum_application_date", ("Asylantragsdatum",), False, full_date),
    Column("assignment_date", ("Zuweisungsdatum",), False, full_date),
    Column("legal_status", ("Aufenthaltsstatus",), False, status_code),
    Column("legal_status_since", ("Status seit",), False, full_date),
    Column("accommodation", ("Unterkunft",), False, text(40)),
    Column("accommodation_since", ("Unterkunft seit",), False, full_date),
    Column("activity", ("Tätigkeit", "Taetigkeit"), False, choice([a.value for a in Activity])),
    Column("childcare", ("Betreuung",), False, choice([c.value for c in Childcare])),
]
