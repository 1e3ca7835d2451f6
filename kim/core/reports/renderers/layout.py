"""Fitting a report table on A4: portrait or landscape, or column groups.

WeasyPrint lays a table out by its content and lets a too wide one run off the paper, so
the renderer decides before: from an estimate of each column's narrowest width (its
longest word or number; header words are never broken) and its comfortable width, the
table goes on a portrait page, on a landscape page, or – when even the narrowest widths
exceed a landscape line – into parts of columns, each repeating the columns that name a
row. The estimate is deliberately generous (DejaVu Sans, the widest of the PDF fonts);
tests/reports/test_pdf_fit.py checks every registered report against the real PDF.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

# Usable line widths of A4 with 15 mm side margins (print.html), in mm
PORTRAIT_MM, LANDSCAPE_MM = 180.0, 267.0
FONT_PT = 8.5  # the table text of print.html
PT_MM = 25.4 / 72
CHAR_MM = 1.9  # one character, when the font file is not there to measure
CELL_MM = 3.0  # padding and rules of a cell
SAFETY = 1.06  # kerning, rounding, WeasyPrint's own slack
TEXT_CAP = 40  # characters: a longer text wraps
WORD_CAP = 22  # characters: a longer word may break (overflow-wrap)
FONTS = Path("/usr/share/fonts/truetype/dejavu")  # Debian fonts-dejavu-core (make fonts)


@lru_cache(maxsize=2)
def _font(bold: bool) -> Any:
    """DejaVu Sans (bold) for measuring, or None where it is not installed."""
    from PIL import ImageFont  # Pillow comes with WeasyPrint

    path = FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    return ImageFont.truetype(str(path), 100) if path.is_file() else None


def text_mm(text: str, bold: bool = False) -> float:
    """The printed width of ``text`` on one line, in mm."""
    font = _font(bold)
    if font is None:
        return len(text) * CHAR_MM * (1.1 if bold else 1.0)
    return float(font.getlength(text)) / 100 * FONT_PT * PT_MM


@dataclass(frozen=True)
class Layout:
    landscape: bool
    parts: list[dict[str, Any]]  # table contexts, each fitting the line


def _shown(cell: dict[str, Any]) -> str:
    """About the text the cell template prints (for measuring, not for display)."""
    value = cell["value"]
    if cell["marker"] or cell["kind"] == "text":
        return str(value)
    if cell["empty"]:
        return "–"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        decimals = 1 if cell["kind"] == "percent" else (
            0 if value == int(value) or cell["kind"] == "count" else 2)
        return f"{value:,.{decimals}f}" + (" %" if cell["kind"] == "percent" else "")
    return str(value)


def _longest_word(text: str, bold: bool = False) -> float:
    return max((text_mm(w[:WORD_CAP], bold) for w in text.split()), default=0.0)


def widths(table: dict[str, Any]) -> list[tuple[float, float]]:
    """Per column (narrowest, comfortable) width in mm."""
    result = []
    for i, column in enumerate(table["columns"]):
        label = str(column["label"])
        cells = [(row[i], False) for row in table["rows"]] + (
            [(table["totals"][i], True)] if table["totals"] else [])
        shown = [(_shown(c), c, bold) for c, bold in cells]
        narrow = max([_longest_word(label, True)]
                     + [text_mm(t, bold) if c["numeric"] else _longest_word(t, bold)
                        for t, c, bold in shown])
        header = max(_longest_word(label, True), text_mm(label, True) / 3)
        comfortable = max([narrow, header] + [text_mm(t[:TEXT_CAP], bold)
                                              for t, _c, bold in shown])
        result.append((narrow * SAFETY + CELL_MM, comfortable * SAFETY + CELL_MM))
    return result


def _part(table: dict[str, Any], indices: list[int], number: int, count: int
          ) -> dict[str, Any]:
    caption = table["caption"] if count == 1 else _("%(caption)s (part %(number)d of "
                                                    "%(count)d)") % {
        "caption": table["caption"], "number": number, "count": count}
    return {**table, "caption": caption,
            "columns": [table["columns"][i] for i in indices],
            "rows": [[row[i] for i in indices] for row in table["rows"]],
            "totals": [table["totals"][i] for i in indices] if table["totals"] else [],
            "note": table["note"] if number == count else ""}


def _groups(sizes: list[float], budget: float) -> list[list[int]]:
    """Consecutive columns in as few groups as fit ``budget``, of about equal width."""
    total = sum(sizes)
    count = max(1, math.ceil(total / budget))
    while True:
        target = total / count
        groups: list[list[int]] = [[]]
        used = 0.0
        for i, width in enumerate(sizes):
            if groups[-1] and (used + width > budget or used + width / 2 > target):
                groups.append([])
                used = 0.0
            groups[-1].append(i)
            used += width
        if len(groups) <= count or count >= len(sizes):
            return groups
        count += 1


def fit(table: dict[str, Any], label_columns: list[int]) -> Layout:
    """Portrait if the comfortable widths fit, landscape if the narrowest do, else
    landscape parts: ``label_columns`` (indices) in each, the others spread over as few
    parts as fit."""
    sizes = widths(table)
    if sum(c for _n, c in sizes) <= PORTRAIT_MM:
        return Layout(False, [table])
    if sum(n for n, _c in sizes) <= LANDSCAPE_MM:
        return Layout(True, [table])
    labels = [i for i in label_columns if i < len(sizes)] or [0]
    others = [i for i in range(len(sizes)) if i not in labels]
    budget = LANDSCAPE_MM - sum(sizes[i][0] for i in labels)
    groups = [[others[j] for j in group] for group in _groups(
        [(sizes[i][0] + sizes[i][1]) / 2 for i in others], budget)]
    parts = [_part(table, sorted(labels + group), n, len(groups))
             for n, group in enumerate(groups, start=1)]
    return Layout(True, parts)
