"""The one tabular writer: formula-safe CSV/XLSX/JSON, used by exports, reports and CLIs."""

import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kim.core.io.tabular import (
    SheetSpec,
    csv_bytes,
    csv_text,
    json_text,
    safe_cell,
    xlsx_bytes,
)

HOSTILE = ["=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_that_a_spreadsheet_evaluates_gets_an_apostrophe(text):
    assert safe_cell(text) == "'" + text


def test_numbers_and_harmless_text_stay():
    assert [safe_cell(v) for v in (-3, -2.5, Decimal("-1"), "Müller", "", None)] == [
        -3, -2.5, Decimal("-1"), "Müller", "", None]


def test_csv_has_a_bom_for_excel_and_escapes():
    data = csv_bytes(["name", "n"], [["=1+1", -4], ["ok", Decimal("0.50")]])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == "name,n\r\n'=1+1,-4\r\nok,0.50\r\n"
    assert csv_text(None, [["-x", None]]) == "'-x,\n"


def test_xlsx_cells_are_text_or_numbers_never_formulas():
    data = xlsx_bytes([SheetSpec("T", [["name", "n"], ["=1+1", -4], ["@x", 2.5]],
                                 bold_rows={2})])
    sheet = load_workbook(io.BytesIO(data)).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["name", "n"], ["'=1+1", -4], ["'@x", 2.5]]
    assert [c.data_type for c in sheet[2]] == ["s", "n"]
    assert sheet["A1"].font.bold and sheet["A3"].font.bold and not sheet["A2"].font.bold


def test_json_keeps_machine_values():
    text = json_text([{"a": Decimal("2.00"), "b": Decimal("2"), "c": "=x", "d": None}])
    assert json.loads(text) == [{"a": 2.0, "b": 2, "c": "=x", "d": None}]


def test_sheet_names_follow_excels_rules():
    data = xlsx_bytes([SheetSpec("Fristen: 01/2025 [alle] und noch viel mehr Text", [["a"]])])
    assert load_workbook(io.BytesIO(data)).sheetnames == ["Fristen_ 01_2025 _alle_ und noc"]
