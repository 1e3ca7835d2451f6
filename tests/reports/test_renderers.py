"""Every renderer, parsed back and compared with the ReportResult it was given."""

import csv
import io
import json
import shutil
import subprocess
from datetime import date

import pytest
from django.utils import translation
from django_scopes import scope
from openpyxl import load_workbook

from kim.core.reports.registry import Column, Report, ReportData, ReportParams
from kim.core.reports.renderers import FORMATS
from kim.core.reports.renderers.safe import safe_cell
from kim.core.reports.service import Audience, ReportResult, produce

AS_OF = date(2026, 3, 31)
DETAIL_ROWS = [
    {"role": "admin", "active": 1, "inactive": 0, "total": 1},
    {"role": "benefits", "active": 4, "inactive": 0, "total": 4},
    {"role": "caseworker", "active": 10, "inactive": 1, "total": 11},
    {"role": "coordinator", "active": 1, "inactive": 0, "total": 1},
    {"role": "housing", "active": 1, "inactive": 1, "total": 2},
    {"role": "provider", "active": 1, "inactive": 0, "total": 1},
    {"role": "school_office", "active": 1, "inactive": 0, "total": 1},
    {"role": "steering", "active": 1, "inactive": 0, "total": 1},
    {"role": "volunteer_coordinator", "active": 1, "inactive": 0, "total": 1},
]


@pytest.fixture
def results(demo_report, demo_data):
    with scope(municipality=demo_data):
        return {a: produce(demo_report, demo_data, AS_OF, audience=a) for a in Audience}


def test_json_has_exactly_the_documented_shape(results):
    detail = json.loads(FORMATS["json"].render(results[Audience.DETAIL]))
    assert detail == {"report": "members_demo", "municipality": "soest", "as_of": "2026-03-31",
                      "rows": DETAIL_ROWS, "totals": {"active": 21, "inactive": 2, "total": 23},
                      "suppressed": False}
    assert list(detail["rows"][0]) == ["role", "active", "inactive", "total"]


def test_json_of_the_aggregate_version_carries_markers(results):
    data = json.loads(FORMATS["json"].render(results[Audience.AGGREGATE]))
    assert data["suppressed"] is True
    # Active column: seven "<3" + 4 + 10 = 21 would pin every "<3" to 1; hiding the
    # benefits row (4, and its total 4, which equals it) protects them.
    assert data["rows"][1] == {"role": "benefits", "active": "x", "inactive": 0, "total": "x"}
    # The inactive column is 1 + 1 = 2 ("<3" + "<3" = "<3" can only be 1 + 1), and so is
    # the housing row: shown "." (at least 1); 23 − 21 would give the 2 back, so the
    # active total is hidden, and 11 − 10 the caseworkers' 1, so their 10 is too.
    assert data["rows"][2] == {"role": "caseworker", "active": "x", "inactive": ".",
                               "total": 11}
    assert data["rows"][4] == {"role": "housing", "active": ".", "inactive": ".",
                               "total": "."}
    assert data["totals"] == {"active": "x", "inactive": ".", "total": 23}
    flat = [v for row in data["rows"] for v in row.values()] + list(data["totals"].values())
    assert 1 not in flat and 2 not in flat


def test_csv_has_bom_labels_rows_totals_and_neutralised_label(results):
    content = FORMATS["csv"].render(results[Audience.DETAIL])
    assert content.startswith(b"\xef\xbb\xbf")
    with translation.override("en"):
        lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert lines[0] == ["Role", "Active", "'=Inactive", "Total"]
    assert lines[1:-1] == [[r["role"], str(r["active"]), str(r["inactive"]), str(r["total"])]
                           for r in DETAIL_ROWS]
    assert lines[-1][1:] == ["21", "2", "23"]


def test_csv_of_aggregate_version_explains_the_markers(results):
    with translation.override("en"):
        text = FORMATS["csv"].render(results[Audience.AGGREGATE]).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[2] == ["benefits", "x", "0", "x"]
    assert lines[-2] == ["Total", "x", ".", "23"]
    assert "counts of 1 or 2" in lines[-1][0]
    assert lines[-1][0].endswith("Figures marked “.” are kept secret.")


def test_xlsx_values_read_back(results):
    book = load_workbook(io.BytesIO(FORMATS["xlsx"].render(results[Audience.DETAIL])))
    sheet = book["members_demo"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["Role", "Active", "'=Inactive", "Total"]
    assert values[1:-1] == [list(r.values()) for r in DETAIL_ROWS]
    assert values[-1][1:] == [21, 2, 23]
    assert sheet["C1"].data_type == "s"
    assert len(book.sheetnames) == 2


def _result(rows, columns):
    report = Report(name="inject", title="Injection", columns=columns,
                    compute=lambda m, d: ReportData(rows), permission="core.users:read")
    return ReportResult(report=report, municipality_slug="soest", municipality_name="Soest",
                        params=ReportParams(AS_OF), rows=rows, totals={}, aggregate=False)


DANGEROUS = ["=HYPERLINK(\"http://x\")", "+1+2", "-3+4", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_safe_cell_neutralises_formula_starts(text):
    assert safe_cell(text) == "'" + text
    assert safe_cell(-3) == -3 and safe_cell("Soest") == "Soest" and safe_cell(None) is None


def test_formula_injection_is_neutralised_in_xlsx_and_csv():
    rows = [{"name": text, "n": -5} for text in DANGEROUS]
    result = _result(rows, (Column("name", "Name", "text"), Column("n", "N", "number")))
    sheet = load_workbook(io.BytesIO(FORMATS["xlsx"].render(result))).active
    for i, text in enumerate(DANGEROUS, start=2):
        # (XML turns a stored CR into LF on reading; the apostrophe is what matters)
        assert sheet.cell(i, 1).value == "'" + text.replace("\r", "\n")
        assert sheet.cell(i, 1).data_type == "s"
        assert sheet.cell(i, 2).value == -5  # numbers stay numbers
    lines = list(csv.reader(io.StringIO(FORMATS["csv"].render(result).decode("utf-8-sig"))))
    assert [line[0] for line in lines[1:]] == ["'" + t for t in DANGEROUS]


def test_html_document_has_caption_scopes_and_german_numbers():
    rows = [{"name": "Nord", "n": 1234, "share": 79.125}]
    result = _result(rows, (Column("name", "Name", "text"), Column("n", "N"),
                            Column("share", "Share", "percent")))
    with translation.override("de"):
        html = FORMATS["html"].render(result).decode()
    assert "<caption>Injection</caption>" in html
    assert '<th scope="col">Name</th>' in html and '<th scope="row">Nord</th>' in html
    assert '<td class="num">1.234</td>' in html
    assert '<td class="num">79,1 %</td>' in html
    assert "31.03.2026" in html


def test_html_explains_markers_when_suppressed(results):
    with translation.override("en"):
        html = FORMATS["html"].render(results[Audience.AGGREGATE]).decode()
    assert '<abbr title="fewer than 3, hidden to protect individuals">&lt;3</abbr>' in html
    assert "counts of 1 or 2 are shown as" in html
    with translation.override("en"):
        detail = FORMATS["html"].render(results[Audience.DETAIL]).decode()
    assert "<abbr" not in detail and "counts of 1 or 2" not in detail


def test_pdf_is_a_pdf_with_the_table(results, tmp_path):
    content = FORMATS["pdf"].render(results[Audience.AGGREGATE])
    assert content.startswith(b"%PDF-") and len(content) > 1000
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from kim.core.reports.renderers.as_html import document_context

    html = render_to_string("reports/print.html", document_context(results[Audience.AGGREGATE]))
    assert len(HTML(string=html).render().pages) == 1
    if shutil.which("pdftotext"):
        path = tmp_path / "r.pdf"
        path.write_bytes(content)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Soest" in text and "caseworker" in text and "31.03.2026" in text
