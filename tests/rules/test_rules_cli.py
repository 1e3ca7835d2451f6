"""`kim rules evaluate FILE|-` (kim.rules.cli.run) and `python -m kim.rules`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from kim.rules.cli import main, run

REPO = Path(__file__).resolve().parents[2]


def _facts(as_of: str = "2024-04-20", code: str = "refugee") -> dict[str, object]:
    return {
        "as_of": as_of,
        "person": {
            "birth_date": "1990-03-01",
            "citizenships": ["SY"],
            "entry_date": "2022-10-01",
            "statuses": [
                {"code": "gestattung", "from": "2022-10-05"},
                {"code": code, "from": "2024-04-10"},
            ],
        },
    }


def _run(text: str, source: str = "-") -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run(source, io.StringIO(text), stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def test_list_in_list_out_same_order():
    code, out, err = _run(json.dumps([_facts("2024-04-20"), _facts("2024-05-01")]))
    assert (code, err) == (0, "")
    results = json.loads(out)
    assert [r["as_of"] for r in results] == ["2024-04-20", "2024-05-01"]
    assert [r["benefits"]["regime"] for r in results] == ["asylblg_basic", "sgb2"]


def test_single_object_in_single_object_out():
    code, out, err = _run(json.dumps(_facts()))
    assert (code, err) == (0, "")
    assert json.loads(out)["integration_course"]["entitled_until"] == "2025-04-09"


def test_reads_a_file(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps([_facts()]), encoding="utf-8")
    code, out, _err = _run("", source=str(path))
    assert code == 0
    assert json.loads(out)[0]["responsible_office"] == "sozialamt"


def test_missing_file(tmp_path):
    code, out, err = _run("", source=str(tmp_path / "nope.json"))
    assert (code, out) == (2, "")
    assert err.startswith("error: cannot read ")
    assert err.count("\n") == 1


def test_invalid_json():
    code, out, err = _run('{"as_of": ')
    assert (code, out) == (2, "")
    assert err == "error: invalid JSON: Expecting value: line 1 column 11 (char 10)\n"


def test_invalid_facts_in_a_list_name_the_item_and_field():
    bad = _facts()
    bad["person"]["birth_date"] = "1990-02-30"  # type: ignore[index]
    code, out, err = _run(json.dumps([_facts(), _facts(), _facts(), bad]))
    assert (code, out) == (2, "")
    assert err == (
        "error: facts[3].person.birth_date: not a date 'YYYY', 'YYYY-MM' or "
        "'YYYY-MM-DD': '1990-02-30'\n"
    )


def test_invalid_single_facts_name_the_field():
    code, _out, err = _run(json.dumps(_facts(code="recognised")))
    assert code == 2
    assert err == "error: person.statuses[1].code: unknown status code: 'recognised'\n"


def test_neither_object_nor_list():
    assert _run("42")[2] == "error: facts: expected an object or a list of objects\n"
    assert _run("[42]")[2] == "error: facts[0]: expected an object, got int\n"


def test_usage():
    stderr = io.StringIO()
    assert main(["check", "-"], io.StringIO(), io.StringIO(), stderr) == 2
    assert stderr.getvalue() == "error: usage: kim rules evaluate FILE|-\n"


def test_python_dash_m():
    done = subprocess.run(
        [sys.executable, "-m", "kim.rules", "evaluate", "-"],
        input=json.dumps([_facts()]),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)[0]["benefits"]["basis"] == "§ 3 AsylbLG; § 1 Abs. 3 AsylbLG"
