"""kim.stats.cli: the three file-in, JSON-out functions and every input error (pure)."""

import json

import pytest

from kim.stats import cli
from kim.stats.audit import audit
from kim.stats.cli import InputError
from kim.stats.linear import grid_relations

P, X = "<3", "x"


def error(function, text, encoding="utf-8"):
    with pytest.raises(InputError) as err:
        function(text.encode(encoding) if isinstance(text, str) else text)
    return str(err.value)


# --- disclosure protect ------------------------------------------------------------

def test_protect_adds_totals_and_markers():
    result = cli.protect(b"Bezirk,A,B,C\nNord,1,5,9\nMitte,6,7,8\nSued,9,9,9\n")
    assert result == {
        "header": ["Bezirk", "A", "B", "C", "Gesamt"],
        "rows": [["Nord", P, X, 9, 15], ["Mitte", X, X, 8, 21], ["Sued", 9, 9, 9, 27],
                 ["Gesamt", 16, 21, 26, 63]]}
    json.loads(cli.render_json(result))  # plain JSON: integers and strings only


def test_protect_result_passes_the_audit():
    result = cli.protect(b"k;a;b;c\nr1;1;0;4\nr2;2;3;0\nr3;7;1;1.000\n")
    shown = {(i, j): v for i, row in enumerate(result["rows"]) for j, v in enumerate(row[1:])}
    assert shown[(2, 2)] == 1000  # German thousands separator
    assert audit(shown, grid_relations(3, 3)).exposed == ()


def test_protect_hides_small_cells_the_totals_give_away_within_the_contract():
    # Nord is 1 + 1 = 2: as "<3 + <3 = <3" it could only be 1 + 1, so its cells are kept
    # secret (reports: ".") and the totals that would give them back are hidden. The
    # command's contract allows integers, "<3" and "x" only: a secret cell is "x".
    result = cli.protect(b"k,a,b\nNord,1,1\nSued,5,6\n")
    assert result["rows"][0] == ["Nord", "x", "x", "x"]
    shown = {(i, j): v for i, row in enumerate(result["rows"]) for j, v in enumerate(row[1:])}
    assert audit(shown, grid_relations(2, 2)).exposed == ()
    assert all(v in ("<3", "x") or isinstance(v, int) for v in shown.values())


def test_protect_reads_bom_latin1_and_semicolons():
    text = "\ufeffOrt;Männer;Frauen\nSüd;5;4\n"
    assert cli.protect(text.encode("utf-8"))["header"] == ["Ort", "Männer", "Frauen", "Gesamt"]
    latin = cli.protect("Ort;Männer;Frauen\nSüd;5;4\n".encode("latin-1"))
    assert latin["rows"][0] == ["Süd", 5, 4, 9]


def test_protect_csv_rendering_guards_formulas():
    result = cli.protect(b"k,=a\n@r,3\n")
    guarded = cli.render_csv(result, lambda v: "'" + v if str(v).startswith(("=", "@")) else v)
    assert guarded.splitlines() == ["k,'=a,Gesamt", "'@r,3,3", "Gesamt,3,3"]


@pytest.mark.parametrize(("text", "message"), [
    ("", "the file is empty"),
    ("\n \n", "the file is empty"),
    (";;\n;;\n", "the file is empty"),
    ("k,a\x00\n", "the file is not a text file (it contains NUL bytes)"),
    ('k,a\nr,"1\n', "row 2: cannot be read as CSV (unexpected end of data)"),
    ("k\nr\n", "row 1: the header needs a label column and at least one more column"),
    ("k,a,b\n", "the file has no rows below the header"),
    ("k,a,\nr,1,2\n", "row 1, column '#3': has no label"),
    ("k,a,A\nr,1,2\n", "row 1, column 'A': appears twice (columns 2 and 3)"),
    ("k,a\x07\nr,1\n", "row 1, column 'a\\x07': the label contains a control character"),
    ("k,a,b\nr,1,2\ns,3\n", "row 3: has 2 fields, the first row has 3"),
    ("k,a,b\n\nr,1,2,4\n", "row 3: has 4 fields, the first row has 3"),
    ("k,a,Summe\nr,1,1\n", "row 1, column 'Summe': looks like a total column; give the "
                           "cells without totals"),
    ("k,a\nr,1\nInsgesamt,1\n", "row 3: 'Insgesamt' looks like a total row; give the cells "
                                "without totals"),
    ("k,a\n,1\n", "row 2: has no label in the first column"),
    ("k,a\nr,1\nR,2\n", "row 3: label 'R' appears twice (first in row 2)"),
    ("k,a\nr,\n", "row 2, column 'a': is empty"),
    ("k,a\nr,-3\n", "row 2, column 'a': '-3' is negative"),
    ('k,a\nr,"1,5"\n', "row 2, column 'a': '1,5' is not a whole number"),
    ("k,a\nr,2.5\n", "row 2, column 'a': '2.5' is not a whole number"),
    ("k,a\nr,viele\n", "row 2, column 'a': 'viele' is not a number"),
    ("k,a\nr,1.23\n", "row 2, column 'a': '1.23' is not a whole number"),
])
def test_protect_input_errors(text, message):
    assert error(cli.protect, text) == message


def test_protect_size_limit():
    header = "k," + ",".join(f"c{j}" for j in range(50))
    body = "".join(f"r{i}," + ",".join(["5"] * 50) + "\n" for i in range(101))
    assert error(cli.protect, header + "\n" + body) == (
        "the table has 5050 cells; at most 5000 are supported")


def test_unknown_format():
    with pytest.raises(InputError, match="unknown format 'xml'; choose one of json, csv"):
        cli.check_format("xml", ("json", "csv"))


# --- monitoring segregation ----------------------------------------------------------

def test_segregation_indices():
    result = cli.segregation_indices(b"unit,minority,total\nA,10,100\nB,50,100\nC,0,50\n")
    # M = 60, N = 190: D = (|10/60 - 90/190| + |50/60 - 50/190| + |0 - 50/190|) / 2
    assert result == {"units": 3, "minority": 60, "total": 250, "dissimilarity": 0.5702,
                      "isolation": 0.4333, "exposure": 0.5667}


def test_segregation_header_in_any_order_or_none():
    shuffled = cli.segregation_indices(b"TOTAL;Unit;Minority\n100;A;10\n100;B;50\n50;C;0\n")
    bare = cli.segregation_indices(b"A,10,100\nB,50,100\nC,0,50\n")
    assert shuffled == bare == cli.segregation_indices(
        b"unit,minority,total\nA,10,100\nB,50,100\nC,0,50\n")


@pytest.mark.parametrize(("text", "message"), [
    ("", "the file is empty"),
    ("unit,minority\nA,1\n", "row 1: has 2 fields; expected unit,minority,total"),
    ("school,migrants,pupils\nA,1,3\n", "row 1: expected the header unit,minority,total "
                                        "(or data rows only), found school,migrants,pupils"),
    ("unit,minority,total\n", "the file has no units below the header"),
    ("unit,minority,total\nA,1,3\nB,1\n", "row 3: has 2 fields, the first row has 3"),
    ("unit,minority,total\n,1,3\n", "row 2, column 'unit': has no unit name"),
    ("unit,minority,total\nA,1,3\na,1,3\n", "row 3, column 'unit': unit 'a' appears twice "
                                            "(first in row 2)"),
    ("unit,minority,total\nA,x,3\n", "row 2, column 'minority': 'x' is not a number"),
    ("unit,minority,total\nA,1,-3\n", "row 2, column 'total': '-3' is negative"),
    ("unit,minority,total\nA,1,2.5\n", "row 2, column 'total': '2.5' is not a whole number"),
    ("unit,minority,total\nA,0,0\nB,1,2\n", "row 2, column 'total': unit 'A' has a total of "
                                            "0; it must be at least 1"),
    ("unit,minority,total\nA,4,3\n", "row 2, column 'minority': unit 'A': minority 4 is not "
                                     "between 0 and the total 3"),
    ("unit,minority,total\nA,0,3\nB,0,5\n", "no unit has a minority member: the indices are "
                                            "undefined"),
    ("unit,minority,total\nA,3,3\nB,5,5\n", "every member belongs to the minority: the "
                                            "dissimilarity index is undefined"),
])
def test_segregation_input_errors(text, message):
    assert error(cli.segregation_indices, text) == message


# --- monitoring check-table ------------------------------------------------------------

def test_check_table_finds_rows_and_columns_that_do_not_add_up():
    text = ("Bezirk;Deutsche;Ausländer;Gesamt\n"
            "Nord;1.234;10;1.244\n"
            "Süd;5;6;12\n"
            "Insgesamt;1.239;17;1.256\n")
    # [Soest] Tab. 6 kind of error: a row total that is not the sum of its cells
    assert cli.check_table(text.encode("cp1252")) == {"consistent": False, "findings": [
        {"kind": "row", "label": "Süd", "published": 12, "computed": 11},
        {"kind": "column", "label": "Ausländer", "published": 17, "computed": 16},
    ]}


def test_check_table_total_column_included_and_decimals():
    text = "x;a;b;SUMME:\nr;1,5;2,25;3,75\ns;1;1;3\ntotal;2,5;3,25;6,5\n"
    assert cli.check_table(text.encode()) == {"consistent": False, "findings": [
        {"kind": "row", "label": "s", "published": 3, "computed": 2},
        {"kind": "row", "label": "total", "published": 6.5, "computed": 5.75},
        {"kind": "column", "label": "SUMME:", "published": 6.5, "computed": 6.75}]}


def test_check_table_consistent_markers_and_dashes():
    text = "k,a,b,Gesamt\nr,x,4,7\ns,-,5,5\nGesamt,3,9,12\n"
    # row r and column a contain a hidden cell: not checked; "-" is 0
    assert cli.check_table(text.encode()) == {"consistent": True, "findings": []}
    assert cli.check_table(b"k,a\nr,1\n") == {"consistent": True, "findings": []}


@pytest.mark.parametrize(("text", "message"), [
    ("", "the file is empty"),
    ("k\nr\n", "row 1: the header needs a label column and at least one more column"),
    ("k,a\n", "the file has no rows below the header"),
    ("k,a\n,1\n", "row 2: has no label in the first column"),
    ("k,a\nr,1\nr,2\n", "row 3: label 'r' appears twice (first in row 2)"),
    ("k,a\nr,\n", "row 2, column 'a': is empty (write 0 or - for nothing)"),
    ("k,a\nr,zwei\n", "row 2, column 'a': 'zwei' is not a number"),
    ("k,a,a\nr,1,1\n", "row 1, column 'a': appears twice (columns 2 and 3)"),
    ("k,a\nr,1\ns\n", "row 3: has 1 fields, the first row has 2"),
    ("k,Gesamt,Summe\nr,1,1\n", "two total columns: 'Gesamt' and 'Summe'"),
    ("k,a\ntotal,1\nGesamt,1\n", "two total rows: 'total' and 'Gesamt'"),
])
def test_check_table_input_errors(text, message):
    assert error(cli.check_table, text) == message
