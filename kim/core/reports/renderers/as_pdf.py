"""PDF via WeasyPrint from the print template (A4, header on every page)."""

from __future__ import annotations

from django.template.loader import render_to_string

from kim.core.pdf import html_to_pdf
from kim.core.reports.renderers.as_html import document_context
from kim.core.reports.service import ReportResult


def render(result: ReportResult) -> bytes:
    html = render_to_string("reports/print.html", {**document_context(result), "pdf": True})
    return html_to_pdf(html)  # loads nothing from outside (kim/core/pdf.py)
