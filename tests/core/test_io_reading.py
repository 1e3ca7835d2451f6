"""The import framework's reading and validation (kim/core/io): encodings, delimiters,
XLSX, limits while streaming, hostile files, number and date notations, error naming."""

import datetime
import io
import time
import tracemalloc
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import Workbook

from kim.core.io import cells
from kim.core.io.errors import CellError, CellProblem, InputError
from kim.core.io.imports import Column, ImportSpec, validate
from kim.core.io.reading import MB, Limits, open_sheet, read_csv, read_xlsx
from tests.core.xlsx_files import entity_bomb, one_cell_rows

SPEC = ImportSpec((
    Column("name", ("Name", "Nachname"), required=True, parse=cells.text(20), empty="error"),
    Column("amount", ("Betrag",), required=True, parse=cells.decimal()),
    Column("day", ("Datum",), parse=cells.date),
), unique="name")


def rows_of(sheet):
    return [(n, c) for n, c in sheet.rows]


@pytest.mark.parametrize("encoded", [
    "name;Betrag\nMüller;1,5\n".encode(),
    "\ufeffname;Betrag\nMüller;1,5\n".encode(),
    "name;Betrag\nMüller;1,5\n".encode("cp1252"),
    "name;Betrag\r\nMüller;1,5\r\n".encode("latin-1"),
])
def test_csv_encodings_and_semicolons(encoded):
    sheet = read_csv(encoded)
    assert sheet.headers == ["name", "Betrag"]
    assert rows_of(sheet) == [(2, ["Müller", "1,5"])]


def test_csv_comma_with_quoted_decimal_comma():
    sheet = read_csv(b'name,amount\n"A, B","1,5"\n')
    assert rows_of(sheet) == [(2, ["A, B", "1,5"])]


def test_xlsx_first_sheet_dates_and_numbers():
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Betrag", "Datum"])
    sheet.append(["Haddad", 1234.5, datetime.datetime(2024, 2, 29)])
    sheet.append([None, None, None])
    sheet.append(["Kovalenko", 3.0, "01.03.2024"])
    book.create_sheet("second").append(["ignored"])
    out = io.BytesIO()
    book.save(out)
    table = read_xlsx(out.getvalue())
    assert table.headers == ["Name", "Betrag", "Datum"] and table.total == 3
    assert rows_of(table) == [(2, ["Haddad", "1234.5", "2024-02-29"]), (3, []),
                              (4, ["Kovalenko", "3", "01.03.2024"])]


def test_xlsx_of_three_million_rows_is_refused_quickly_and_small():
    data = one_cell_rows(3_000_000)
    assert len(data) < 500_000  # the attack: a few hundred KB
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        open_sheet(data, "bomb.xlsx")
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert str(caught.value) == "file: The file has more than 200000 rows; split it."
    assert seconds < 10 and peak < 60 * MB, (seconds, peak)


def test_row_limit_is_checked_while_streaming_numbered_rows():
    sheet = read_xlsx(one_cell_rows(30, numbered=True), Limits(max_rows=1000))
    assert sheet.total == 30 and len(rows_of(sheet)) == 30
    with pytest.raises(InputError, match="more than 20 rows"):
        read_xlsx(one_cell_rows(30, numbered=True), Limits(max_rows=20))
    csv_sheet = read_csv(b"n\n" + b"1\n" * 30, Limits(max_rows=20))
    consumed = []
    with pytest.raises(InputError, match="more than 20 rows"):
        for row in csv_sheet.rows:
            consumed.append(row)
    assert len(consumed) == 20  # refused at the 21st row, not after reading all


def test_byte_limits():
    with pytest.raises(InputError, match="larger than 1 MB"):
        read_csv(io.BytesIO(b"n\n" + b"x" * (MB + 1)), Limits(max_bytes=MB))
    with pytest.raises(InputError, match="unpacks to more than 1 MB"):
        read_xlsx(one_cell_rows(100_000, numbered=True),
                  Limits(max_bytes=10 * MB, max_unpacked=MB))


def test_entity_expansion_is_refused():
    with pytest.raises(InputError) as caught:
        read_xlsx(entity_bomb())
    assert str(caught.value) == "file: The XLSX file cannot be read: EntitiesForbidden"


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"PK\x03\x04broken", "x.xlsx", "file: The XLSX file cannot be read: BadZipFile"),
    (b"", "x.csv", "file: The file is empty."),
    (b"a", "x.ods", "file: Only .csv and .xlsx files can be imported."),
])
def test_unreadable_files(data, name, message):
    with pytest.raises(InputError) as caught:
        open_sheet(data, name)
    assert str(caught.value) == message


@pytest.mark.parametrize(("text", "value"), [
    ("1.234,56", Decimal("1234.56")), ("1234,56", Decimal("1234.56")),
    ("1234.56", Decimal("1234.56")), ("1,234.56", Decimal("1234.56")),
    ("1.234.567", Decimal("1234567")), ("0,267870503", Decimal("0.267870503")),
    ("-3,5", Decimal("-3.5")), ("12", Decimal("12")), (",5", Decimal("0.5")),
])
def test_decimal_notations(text, value):
    assert cells.decimal()(text) == value


@pytest.mark.parametrize("text", ["1,2,3", "1.2,3.4", "abc", "1.23.4", "", "-", "1e5"])
def test_not_decimals(text):
    with pytest.raises(CellProblem):
        cells.decimal()(text)


def test_whole_numbers_accept_german_grouping():
    parse = cells.whole(0, 10_000_000)
    assert [parse(t) for t in ("47000", "47.000", "1.234.567", "05")] == [47000, 47000,
                                                                         1234567, 5]
    for bad in ("1,5", "1.5", "-1", "12.34"):
        with pytest.raises(CellProblem):
            parse(bad)
    with pytest.raises(CellProblem, match="is more than 10000000"):
        parse("99.999.999")


@pytest.mark.parametrize(("text", "value"), [
    ("2024-02-29", (datetime.date(2024, 2, 29), "day")),
    ("29.02.2024", (datetime.date(2024, 2, 29), "day")),
    ("1.3.2024", (datetime.date(2024, 3, 1), "day")),
    ("2024-03", (datetime.date(2024, 3, 1), "month")),
    ("03.2024", (datetime.date(2024, 3, 1), "month")),
    ("2024", (datetime.date(2024, 1, 1), "year")),
])
def test_partial_dates(text, value):
    assert cells.partial_date(text) == value


@pytest.mark.parametrize(("text", "reason"), [
    ("2023-02-29", "no such date: '2023-02-29'"),
    ("31.04.2024", "no such date: '31.04.2024'"),
    ("9999-12-31", "the year is not between 1900 and 2199: '9999-12-31'"),
    ("2024-03", "not a date (YYYY-MM-DD or TT.MM.JJJJ): '2024-03'"),
])
def test_full_dates_are_strict(text, reason):
    with pytest.raises(CellProblem) as caught:
        cells.date(text)
    assert str(caught.value) == reason


def test_validation_names_row_header_as_given_and_reason():
    data = (b"Nachname;Betrag;Datum\n"
            b"Haddad;1.234,5;2024-01-31\n"
            b";x;31.02.2024\n"
            b"\n"
            b"Haddad;2;\n")
    result = validate(SPEC, data, "f.csv")
    assert [str(e) for e in result.errors] == [
        "row 3, column Betrag: 'x' is not a number",
        "row 3, column Datum: no such date: '31.02.2024'",
        "row 3, column Nachname: required value is missing",
        "row 5, column Nachname: Haddad appears twice (first in row 2)",
    ]
    assert [(r.line, r.values) for r in result.rows] == [
        (2, {"name": "Haddad", "amount": Decimal("1234.5"),
             "day": datetime.date(2024, 1, 31)})]


def test_header_problems():
    result = validate(SPEC, b"name,colour,name\nA,1,B\n", "f.csv")
    assert [str(e) for e in result.errors] == [
        "row 1, column colour: unknown column", "row 1, column name: column appears twice",
        "row 1, column amount: column is missing"]


def test_errors_are_translated():
    error = CellError(3, "Betrag", "%(value)r is not a number", {"value": "x"})
    with translation.override("de"):
        assert error.translated == "'x' ist keine Zahl"
    with translation.override("en"):
        assert error.translated == "'x' is not a number"


def test_progress_is_reported_while_reading():
    calls = []
    data = "name,amount\n" + "".join(f"n{i},{i}\n" for i in range(2500))
    result = validate(SPEC, data.encode(), "f.csv",
                      progress=lambda done, total: calls.append((done, total)))
    assert result.ok and len(result.rows) == 2500
    assert calls == [(1000, None), (2000, None), (2500, None)]


def test_a_sheet_with_a_document_type_or_utf16_is_refused():
    from tests.core.xlsx_files import SHEET_HEAD, SHEET_TAIL, xlsx

    dtd = SHEET_HEAD.replace("<worksheet", '<!DOCTYPE w [<!ENTITY a "lol">]><worksheet', 1)
    with pytest.raises(InputError, match="cannot be read: EntitiesForbidden"):
        read_xlsx(xlsx([dtd + "<row><c><v>1</v></c></row>" + SHEET_TAIL]))
    utf16 = (SHEET_HEAD.replace("UTF-8", "UTF-16") + SHEET_TAIL)
    with pytest.raises(InputError, match="cannot be read: UTF-16"):
        read_xlsx(xlsx([utf16]))


def test_inline_shared_and_typed_cells():
    from tests.core.xlsx_files import SHEET_HEAD, SHEET_TAIL, xlsx

    strings = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
               'openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
               '<si><t>Nachname</t></si></sst>')
    sheet = (SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr">'
             '<is><t>x</t></is></c></row><row r="4"><c r="B4" t="b"><v>1</v></c>'
             '<c r="C4"><v>2.50</v></c><c r="ZZ4"><v>9</v></c></row>' + SHEET_TAIL)
    table = read_xlsx(xlsx([sheet], strings))
    assert table.headers == ["Nachname", "", "x"]
    assert rows_of(table) == [(4, ["", "TRUE", "2.5"])]


@pytest.mark.django_db
def test_run_import_writes_all_or_nothing(soest):
    from kim.core.io.imports import run_import
    from kim.core.models import Municipality

    def write(rows):
        for row in rows:
            Municipality.objects.create(slug=row.values["name"].lower(), name=row.values["name"])
        if len(rows) > 1:
            raise InputError([CellError(3, "name", "refused")])
        return len(rows)

    two = b"name,amount\nAhlen,1\nBeckum,2\n"
    result = run_import(SPEC, two, "m.csv", write=write)
    assert not result.written and [str(e) for e in result.errors] == [
        "row 3, column name: refused"]
    assert not Municipality.objects.filter(slug__in=["ahlen", "beckum"]).exists()
    dry = run_import(SPEC, b"name,amount\nAhlen,1\n", "m.csv", write=write, dry_run=True)
    assert dry.ok and not dry.written and not Municipality.objects.filter(slug="ahlen").exists()
    done = run_import(SPEC, b"name,amount\nAhlen,1\n", "m.csv", write=write)
    assert done.written and done.outcome == 1 and Municipality.objects.filter(slug="ahlen").exists()
