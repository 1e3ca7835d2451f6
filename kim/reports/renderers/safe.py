"""Spreadsheet-safe cell values, shared by every CSV/XLSX export of kim.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read
as a formula by Excel/LibreOffice ("CSV/formula injection", OWASP). Such text gets a
leading apostrophe, the common neutralisation: the spreadsheet shows the text instead of
evaluating it. Numbers are returned unchanged (a negative number is not text).
"""

from __future__ import annotations

from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
