"""HTML: the table as template context (shared by the page, the print version and PDF)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from kim.core.reports.disclosure import PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER
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


def table_context(result: ReportResult) -> dict[str, Any]:
    columns = result.columns
    rows = [[_cell(row[c.key], c.kind, header=(i == 0 and c.kind == "text"))
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


def document_context(result: ReportResult) -> dict[str, Any]:
    return {"result": result, "table": table_context(result),
            "landscape": len(result.columns) > 6}


def render(result: ReportResult) -> bytes:
    """A complete, printable HTML document (``kim report --format html``)."""
    return render_to_string("reports/print.html", document_context(result)).encode("utf-8")
