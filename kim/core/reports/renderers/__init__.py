"""Renderers: each takes a ReportResult and returns bytes. ``FORMATS`` is the catalogue
the views and the ``kim report`` command offer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kim.core.reports.renderers import as_csv, as_html, as_json, as_pdf, as_xlsx
from kim.core.reports.service import ReportResult


@dataclass(frozen=True)
class Format:
    name: str
    render: Callable[[ReportResult], bytes]
    content_type: str
    binary: bool  # cannot go to a terminal


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", as_json.render, "application/json", False),
    Format("csv", as_csv.render, "text/csv; charset=utf-8", False),
    Format("html", as_html.render, "text/html; charset=utf-8", False),
    Format("xlsx", as_xlsx.render,
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", True),
    Format("pdf", as_pdf.render, "application/pdf", True),
)}
