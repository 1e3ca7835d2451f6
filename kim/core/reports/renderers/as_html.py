"""HTML: the table as template context (shared by the page, the print version and PDF)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kim.core.charts import chart
from kim.core.reports.disclosure import PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER
from kim.core.reports.renderers.layout import fit
from kim.core.reports.renderers.text import suppression_note
from kim.core.reports.service import ReportResult


def _cell(value: Any, kind: str, header: bool = False) -> dict[str, Any]:
    marker = kind != "text" and isinstance(value, str)
    titles = {PRIMARY_MARKER: _("fewer than 3, hidden to protect individuals"),
              SECONDARY_MARKER: _("hidden so that the totals do not reveal a small number"),
              SECRET_MARKER: _("kept secret")}
    return {"value": value, "kind": kind, "header": header, "marker": marker,
            "title": titles.get(value, "") if marker else "",
            "empty": value is None or value == "", "numeric": kind != "text"}


def _localised(value: Any, iso: str) -> Any:
    """An ISO date or month of a text column as people read it (30.09.2018, 09/2018)."""
    if not iso or not isinstance(value, str) or not value:
        return value
    try:
        day = date.fromisoformat(value if iso == "date" else f"{value}-01")
    except ValueError:
        return value  # not a date after all: shown as it is
    return date_format(day, "SHORT_DATE_FORMAT") if iso == "date" else f"{day:%m/%Y}"


def table_context(result: ReportResult) -> dict[str, Any]:
    """The table of the web page and the PDF: the shown columns (no machine codes)."""
    columns = result.report.shown_columns
    rows = [[_cell(_localised(row[c.key], c.iso), c.kind,
                   header=(i == 0 and c.kind == "text"))
             for i, c in enumerate(columns)] for row in result.rows]
    totals: list[dict[str, Any]] = []
    if result.totals:
        totals = [_cell(result.totals.get(c.key), c.kind, header=(i == 0))
                  for i, c in enumerate(columns)]
        if columns[0].key not in result.totals:
            totals[0] = _cell(_("Total"), "text", header=True)
    return {
        "caption": str(result.report.title),
        "columns": [{"label": c.label, "numeric": not c.is_dimension} for c in columns],
        "rows": rows,
        "totals": totals,
        "note": suppression_note(result.suppressed_cells) if result.suppressed else "",
    }


def chart_context(result: ReportResult) -> dict[str, Any] | None:
    """The line chart of a series report (its figures are all in the table)."""
    series = result.report.series
    if series is None or not result.rows:
        return None
    drawn = chart([row[series.x] for row in result.rows],
                  [[row[key] for row in result.rows] for key in series.lines])
    if drawn is None:
        return None
    labels = [result.report.column(key).label for key in series.lines]
    return {"geometry": drawn, "title": str(result.report.title),
            "lines": [{"label": label, "style": STYLES[i % len(STYLES)], "line": line}
                      for i, (label, line) in enumerate(zip(labels, drawn.lines,
                                                            strict=True))]}


# Colour and dash per line: told apart in colour, in greyscale print and without colour
STYLES = ({"colour": "#0b4f8a", "dash": ""}, {"colour": "#b35806", "dash": "6 3"},
          {"colour": "#1e6b34", "dash": "2 3"}, {"colour": "#6a3d9a", "dash": "10 3 2 3"})


def document_context(result: ReportResult) -> dict[str, Any]:
    table = table_context(result)
    shown = [c.key for c in result.report.shown_columns]
    labels = [shown.index(key) for key in result.report.row_label] or [0]
    layout = fit(table, labels)
    return {"result": result, "table": table, "tables": layout.parts,
            "landscape": layout.landscape, "chart": chart_context(result)}


def render(result: ReportResult) -> bytes:
    """A complete, printable HTML document (``kim report --format html``)."""
    return render_to_string("reports/print.html", document_context(result)).encode("utf-8")
