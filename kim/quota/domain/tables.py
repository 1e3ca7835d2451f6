"""Reading and validating the quota files (Land statistics, key inputs) – pure Python.

The reading itself is kim's import framework (:mod:`kim.core.io`): CSV (UTF-8 with or
without BOM, else Windows-1252; comma or semicolon) or XLSX, German or English headers
(:data:`ALIASES`), numbers in German or English notation (``0,267870503``,
``1.234``), rows numbered as a spreadsheet shows them (the header is row 1). Every row is
checked before anything is used; all problems are collected with row, column and a
translatable reason (``CellError.text(gettext)``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from kim.core.io import cells
from kim.core.io.errors import CellError, CellProblem, InputError, file_error, gettext_noop
from kim.core.io.imports import Column, ImportSpec, validate
from kim.core.io.reading import MB, Limits

__all__ = ["CellError", "InputError", "gettext_noop", "read_rows", "text", "whole",
           "positive_decimal", "percent", "flag"]

LIMITS = Limits(max_rows=20_000, max_bytes=5 * MB, max_unpacked=100 * MB)
MAX_COUNT = 10_000_000  # persons or places of one municipality; Berlin has 3.9 million people
MAX_DECIMALS = 12  # the stored key has 12 decimal places (published keys: 9)
ALIASES: dict[str, tuple[str, ...]] = {
    "ags": ("AGS", "Gemeindeschlüssel", "Gemeindekennziffer"),
    "name": ("Name", "Gemeinde", "Kommune"),
    "population": ("Einwohner", "Bevölkerung", "Einwohnerzahl"),
    "area_km2": ("Fläche", "Fläche km2", "Fläche (km²)", "area"),
    "key_percent": ("Schlüssel", "Schlüssel %", "Zuweisungsschlüssel", "key"),
    "stock": ("Bestand",),
    "facility_regular_places": ("Regelplätze", "Plätze Landeseinrichtung"),
    "facility_reserve_places": ("Reserveplätze", "Reserveplätze Landeseinrichtung"),
    "unemployed": ("Arbeitslose",),
    "rent_capped": ("Mietpreisbremse", "Mietpreisbegrenzung"),
    "high_eu_share": ("Hoher EU-Anteil", "EU-Anteil hoch"),
}
Parser = Callable[[str], Any]

_text = cells.text(200)


def text(value: str) -> str:
    if not value:
        raise CellProblem(gettext_noop("is empty"))
    result: str = _text(value)
    return result


def whole(minimum: int) -> Parser:
    return cells.whole(minimum, MAX_COUNT)


positive_decimal = cells.decimal(Decimal(0), above_minimum=True, max_digits=MAX_DECIMALS)


def percent(value: str) -> Decimal:
    number: Decimal = positive_decimal(value)
    if number > 100:
        raise CellProblem(gettext_noop("%(value)r is more than 100 %%"), value=value)
    return number


flag = cells.flag


def read_rows(data: bytes, columns: Sequence[tuple[str, Parser]], unique: str = "ags",
              filename: str = "data.csv") -> list[dict[str, Any]]:
    """The validated rows (dicts keyed by column, plus ``_row``); raises :class:`InputError`.

    Columns not named in ``columns`` are ignored (the Land's files carry more)."""
    spec = ImportSpec(tuple(Column(name, ALIASES.get(name, ()), required=True, parse=parse,
                                   empty="parse") for name, parse in columns),
                      limits=LIMITS, unique=unique, unknown_columns=True)
    result = validate(spec, data, filename)
    if result.errors:
        raise InputError(result.errors)
    if not result.rows:
        raise file_error(gettext_noop("The file has no data rows."))
    return [{**row.values, "_row": row.line} for row in result.rows]
