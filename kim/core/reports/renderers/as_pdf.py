"""PDF via WeasyPrint from the print template (A4, header on every page)."""

from __future__ import annotations

from django.template.loader import render_to_string

from kim.core.reports.renderers.as_html import document_context
from kim.core.reports.service import ReportResult


def render(result: ReportResult) -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is wanted

    html = render_to_string("reports/print.html", {**document_context(result), "pdf": True})
    return HTML(string=html).write_pdf()
