"""``kim quota keys|compute`` (product.md §5.1, §5.3): output shapes, errors, exit status."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.quota.conftest import SOEST_AGS, soest_land


def run(*args):
    out = StringIO()
    call_command("quota", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def land_file(tmp_path):
    path = tmp_path / "land.csv"
    path.write_bytes(soest_land())
    return str(path)


def test_compute_json_reproduces_soest_table_1(land_file):
    rows = json.loads(run("compute", land_file, "--as-of", "2018-09-30"))
    assert rows[0] == {"ags": SOEST_AGS, "name": "Soest", "credited": 172, "obligation": 217.39,
                       "gap": -45.39, "quota_percent": 79.12, "rank": 1}
    assert [r["ags"] for r in rows] == [SOEST_AGS, "05111000", "05334002", "05558012"]
    assert list(rows[1]) == ["ags", "name", "credited", "obligation", "gap", "quota_percent",
                             "rank"]


def test_compute_csv(land_file):
    lines = run("compute", land_file, "--format", "csv", "--as-of", "2018-09-30").splitlines()
    assert lines[0] == "ags,name,credited,obligation,gap,quota_percent,rank"
    assert lines[1] == "05974040,Soest,172,217.39,-45.39,79.12,1"
    assert lines[2].startswith("05111000,Musterstadt,32420,")


def test_compute_uses_the_rates_of_as_of(land_file):
    rows = json.loads(run("compute", land_file, "--as-of", "2024-01-31"))
    assert rows[1]["credited"] == 33000


def test_keys_json_and_csv(tmp_path):
    path = tmp_path / "keys.csv"
    path.write_bytes("\ufeffags;name;population;area_km2\n05974040;Soest;400;10\n"
                     "05111000;Nord;600;90\n".encode())
    rows = json.loads(run("keys", str(path)))
    # Nord: .9 × .6 + .1 × .9 = .63 ≤ 1.25 × .6; Soest: .36 + .01 = .37
    assert rows == [{"ags": "05974040", "name": "Soest", "key_percent": 37.0},
                    {"ags": "05111000", "name": "Nord", "key_percent": 63.0}]
    assert run("keys", str(path), "--format", "csv").splitlines() == [
        "ags,name,key_percent", "05974040,Soest,37.000000000", "05111000,Nord,63.000000000"]


def test_keys_awov_version(tmp_path):
    path = tmp_path / "awov.csv"
    path.write_text("ags,name,population,area_km2,unemployed,rent_capped,high_eu_share\n"
                    "1,A,600,200,100,0,0\n2,B,400,800,300,0,0\n")
    rows = json.loads(run("keys", str(path), "--key", "awov", "--as-of", "2018-01-01"))
    assert [r["key_percent"] for r in rows] == [52.5, 47.5]
    with pytest.raises(CommandError, match="no § 12a residence-assignment key"):
        run("keys", str(path), "--key", "awov", "--as-of", "2022-01-01")


@pytest.mark.parametrize(("content", "args", "message"), [
    (b"ags,name,key_percent,stock,facility_regular_places,facility_reserve_places\n"
     b"1,A,abc,5,0,0\n", (), "row 2, column key_percent"),
    (b"ags,name,key_percent\n1,A,5\n", (), "row 1, column stock: column is missing"),
    (b"ags,name,key_percent,stock,stock,facility_regular_places,facility_reserve_places\n"
     b"1,A,100,5,6,0,0\n", (), "row 1, column stock: column appears twice"),
    (b"ags,name,key_percent,stock,facility_regular_places,facility_reserve_places\n"
     + b"".join(b"%d,A,x,5,0,0\n" % i for i in range(100)), (), "and 80 more problems"),
    (b"", ("--format", "xml"), "unknown format 'xml'"),
    (b"ags,name,key_percent,stock,facility_regular_places,facility_reserve_places\n"
     b"1,A,25,5,0,0\n2,B,25,5,0,0\n", (), "The keys add up to 50 %, not 100 %"),
    (b"", ("--as-of", "30.09.2018"), "bad date '30.09.2018'"),
])
def test_errors_are_one_line_and_print_no_result(tmp_path, content, args, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    out = StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("quota", "compute", str(path), *args, stdout=out)
    assert message in str(exc.value) and "\n" not in str(exc.value)
    assert out.getvalue() == ""


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run("keys", str(tmp_path / "nope.csv"))


def test_console_exit_status(tmp_path, land_file):
    import subprocess
    import sys

    bad = tmp_path / "bad.csv"
    bad.write_text("ags,name\n")
    cmd = [sys.executable, "-m", "kim", "quota", "compute"]
    ok = subprocess.run([*cmd, land_file, "--as-of", "2018-09-30"], capture_output=True,
                        text=True, check=False)
    failed = subprocess.run([*cmd, str(bad)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and json.loads(ok.stdout)[0]["quota_percent"] == 79.12
    assert failed.returncode != 0 and failed.stdout == ""
    assert "row 1, column key_percent: column is missing" in failed.stderr


def test_csv_output_is_formula_safe(tmp_path):
    # Before the shared tabular writer, `kim quota keys --format csv` wrote "=cmd" as is.
    path = tmp_path / "keys.csv"
    path.write_text("ags,name,population,area_km2\n1,=cmd|' /C calc'!A0,600,200\n"
                    "2,+B,400,800\n")
    assert run("keys", str(path), "--format", "csv").splitlines() == [
        "ags,name,key_percent", "1,'=cmd|' /C calc'!A0,56.000000000",
        "2,'+B,44.000000000"]
    assert [r["name"] for r in json.loads(run("keys", str(path)))] == [
        "=cmd|' /C calc'!A0", "+B"]  # JSON is machine output: unchanged


def test_xlsx_input(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["AGS", "Gemeinde", "Einwohner", "Fläche"])
    book.active.append(["05974040", "Soest", 600, 200.5])
    path = tmp_path / "keys.xlsx"
    book.save(path)
    assert json.loads(run("keys", str(path))) == [
        {"ags": "05974040", "name": "Soest", "key_percent": 100}]
