"""``kim report``: outputs, and one-line errors with a non-zero exit status."""

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
from openpyxl import load_workbook

from kim.core.reports.registry import reports

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_json_to_stdout(demo_report, demo_data):
    data = json.loads(run("members_demo", "--municipality", "soest", "--as-of", "2026-03-31"))
    assert data["report"] == "members_demo" and data["as_of"] == "2026-03-31"
    assert data["totals"] == {"active": 21, "inactive": 2, "total": 23}
    assert data["suppressed"] is False


def test_aggregate_flag_applies_disclosure_control(demo_report, demo_data):
    data = json.loads(run("members_demo", "--municipality", "soest", "--aggregate"))
    assert data["suppressed"] is True
    # The inactive column 1 + 1 = 2 is kept secret (".") and the active total hidden
    # (see tests/reports/test_renderers.py).
    assert data["totals"] == {"active": "x", "inactive": ".", "total": 23}


def test_csv_to_stdout_and_xlsx_to_file(personas, tmp_path):
    text = run("users_by_role", "--municipality", "soest", "--format", "csv")
    assert text.startswith("\ufeff") and text.count("\r\n") == 11  # header, 9 roles, total
    target = tmp_path / "r.xlsx"
    assert run("users_by_role", "--municipality", "soest", "--format", "xlsx",
               "--output", str(target)) == ""
    assert load_workbook(target).active.max_row == 11


def test_pdf_to_file(personas, tmp_path):
    target = tmp_path / "r.pdf"
    run("users_by_role", "--municipality", "soest", "--format", "pdf", "--output", str(target))
    assert target.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(("args", "message"), [
    (["nope", "--municipality", "soest"],
     f"Unknown report 'nope'; known reports: {', '.join(reports.names)}"),
    (["users_by_role", "--municipality", "atlantis"], "Unknown municipality 'atlantis'"),
    (["users_by_role", "--municipality", "soest", "--as-of", "2026-02-30"],
     "Bad date '2026-02-30'; expected YYYY-MM-DD"),
    (["users_by_role", "--municipality", "soest", "--as-of", "2200-01-01"],
     "Date 2200-01-01 out of range; reports cover the years 1990 to 2100"),
    (["users_by_role", "--municipality", "soest", "--as-of", "31.01.2026"],
     "Bad date '31.01.2026'; expected YYYY-MM-DD"),
    (["users_by_role", "--municipality", "soest", "--format", "docx"],
     "Unknown format 'docx'; choose one of json, csv, html, xlsx, pdf"),
    (["users_by_role", "--municipality", "soest", "--format", "pdf"],
     "Format pdf is binary; give --output FILE"),
])
def test_bad_input_is_one_line_command_error(soest, args, message):
    with pytest.raises(CommandError) as err:
        run(*args)
    assert str(err.value) == message


def test_console_command_exits_non_zero_with_one_line(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
           "PYTHONPATH": str(ROOT), "KIM_DATA_DIR": str(tmp_path)}
    kim = Path(sys.executable).parent / "kim"
    result = subprocess.run([str(kim), "report", "nope", "--municipality", "soest"],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"CommandError: Unknown report 'nope'; known reports: {', '.join(reports.names)}"]
