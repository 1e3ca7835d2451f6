"""``kim disclosure protect`` and ``kim monitoring segregation|check-table``: the
contracts of issue 12 as a console user sees them (no database)."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[2]
KIM = Path(sys.executable).parent / "kim"


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def console(tmp_path, *args, stdin=None):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
           "PYTHONPATH": str(ROOT), "KIM_DATA_DIR": str(tmp_path)}
    return subprocess.run([str(KIM), *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120, input=stdin)


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Bezirk,A,B\nNord,1,4\nSüd,6,0\n", encoding="utf-8")
    return str(path)


def test_disclosure_protect_json(table):
    assert json.loads(run("disclosure", "protect", table)) == {
        "header": ["Bezirk", "A", "B", "Gesamt"],
        "rows": [["Nord", "<3", "x", 5], ["Süd", 6, 0, 6], ["Gesamt", "x", "x", 11]]}
    assert run("disclosure", "protect", table, "--format", "json") == run(
        "disclosure", "protect", table)


def test_disclosure_protect_csv_is_formula_safe(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("k,=SUM(A1)\nr,7\n")
    assert run("disclosure", "protect", str(path), "--format", "csv").splitlines() == [
        "k,'=SUM(A1),Gesamt", "r,7,7", "Gesamt,7,7"]


def test_monitoring_commands(tmp_path):
    units = tmp_path / "u.csv"
    units.write_text("unit,minority,total\nA,10,100\nB,50,100\nC,0,50\n")
    assert json.loads(run("monitoring", "segregation", str(units))) == {
        "units": 3, "minority": 60, "total": 250, "dissimilarity": 0.5702,
        "isolation": 0.4333, "exposure": 0.5667}
    checked = tmp_path / "c.csv"
    checked.write_text("k;a;b;Gesamt\nr;1;2;4\nGesamt;1;2;4\n")
    assert json.loads(run("monitoring", "check-table", str(checked), "--format", "json")) == {
        "consistent": False,
        "findings": [{"kind": "row", "label": "r", "published": 4, "computed": 3},
                     {"kind": "row", "label": "Gesamt", "published": 4, "computed": 3}]}


@pytest.mark.parametrize(("args", "message"), [
    (["disclosure"], "Error: the following arguments are required: action"),
    (["disclosure", "protect"], "Error: the following arguments are required: file"),
    (["disclosure", "protect", "{table}", "--format", "xlsx"],
     "unknown format 'xlsx'; choose one of json, csv"),
    (["disclosure", "protect", "/nonexistent/t.csv"],
     "cannot read /nonexistent/t.csv: No such file or directory"),
    (["monitoring", "segregation", "{table}"],
     "row 1: expected the header unit,minority,total (or data rows only), found "
     "Bezirk,A,B"),
    (["monitoring", "check-table", "{table}", "--format", "csv"],
     "unknown format 'csv'; choose one of json"),
    # argparse's own wording of the choices differs between Python versions
    (["monitoring", "nope", "{table}"], "Error: argument action: invalid choice: 'nope' ("),
])
def test_errors_through_call_command(table, args, message):
    with pytest.raises(CommandError) as err:
        run(*[a.replace("{table}", table) for a in args])
    assert str(err.value) == message or (message.endswith("(")
                                         and str(err.value).startswith(message))


def test_console_success_and_standard_input(tmp_path, table):
    result = console(tmp_path, "disclosure", "protect", table, "--format", "csv")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == ["Bezirk,A,B,Gesamt", "Nord,<3,x,5", "Süd,6,0,6",
                                          "Gesamt,x,x,11"]
    piped = console(tmp_path, "monitoring", "segregation", "-",
                    stdin="A,1,10\nB,9,10\n")
    assert piped.returncode == 0 and json.loads(piped.stdout)["dissimilarity"] == 0.8


@pytest.mark.parametrize(("args", "stdin", "line"), [
    (["monitoring", "segregation", "-"], "unit,minority,total\nA,5,4\n",
     "CommandError: row 2, column 'minority': unit 'A': minority 5 is not between 0 and "
     "the total 4"),
    (["monitoring", "check-table", "-"], "k,a\nr,1,2\n",
     "CommandError: row 2: has 3 fields, the first row has 2"),
    (["disclosure", "protect", "-"], "", "CommandError: the file is empty"),
    (["disclosure", "protect"], None,
     "CommandError: Error: the following arguments are required: file"),
    (["monitoring", "segregation", "-", "--bogus"], "",
     "CommandError: Error: unrecognized arguments: --bogus"),
])
def test_console_errors_are_one_line_with_status_1(tmp_path, args, stdin, line):
    result = console(tmp_path, *args, stdin=stdin)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [line]
