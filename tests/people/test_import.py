"""Person import: all-or-nothing, row/column errors, duplicates, updates, both formats."""

import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_scopes import scope, scopes_disabled
from openpyxl import Workbook

from kim.core.models import AuditEntry
from kim.people.importers.persons import import_persons
from kim.people.models import Household, HouseholdMember, LegalStatus, Person
from tests.conftest import copy_migrated
from tests.core.jobs import work_off_queue

HEADER = ("external_id,family_name,given_names,birth_date,sex,citizenship,household_ref,"
          "household_role,entry_date,assignment_date,legal_status,legal_status_since\n")
GOOD = HEADER + (
    "A1,Haddad,Mariam,1990-03-01,f,SY,H1,head,2022-10-01,2023-01-15,gestattung,2022-10-05\n"
    "A2,Haddad,Karim,2015,m,SY,H1,child,2022-10-01,2023-01-15,gestattung,2022-10-05\n"
    "A3,Kovalenko,Olena,03.1979,f,UA,,,2022-03-10,2022-04-01,temporary_protection,2022-03-15\n"
)


def run(municipality, text, name="persons.csv", **kwargs):
    return import_persons(municipality, io.BytesIO(text.encode("utf-8")), name, **kwargs)


def test_valid_file_is_written_with_households_and_statuses(in_soest):
    result = run(in_soest, GOOD)
    assert result.ok and result.written and (result.created, result.updated) == (3, 0)
    mariam = Person.objects.get(external_id="A1")
    assert mariam.citizenships == ["SY"] and mariam.name_key
    household = Household.objects.get(reference="H1")
    assert sorted(household.members.values_list("role", flat=True)) == ["child", "head"]
    assert LegalStatus.objects.get(person=mariam).code == "gestattung"
    olena = Person.objects.get(external_id="A3")
    assert (olena.birth_date_precision, olena.birth_date_fact) == ("month", "1979-03")
    with scopes_disabled():
        entry = AuditEntry.objects.get(action="bulk", model="people.person")
    assert entry.changes == {"count": 3}


def test_any_error_writes_nothing_and_names_row_and_column(in_soest):
    bad = GOOD + ("A4,,Ali,1988-02-30,q,Syria,H2,boss,2020-01-01,,duldung,\n"
                  "A1,Haddad,Mariam,1990-03-01,f,SY,,,,,,\n")
    result = run(in_soest, bad)
    assert not result.written and Person.objects.count() == 0
    got = {(e.row, e.column) for e in result.errors}
    assert got == {(5, "family_name"), (5, "birth_date"), (5, "sex"), (5, "citizenship"),
                   (5, "household_role"), (5, "legal_status_since"), (2, "external_id"),
                   (6, "external_id")}
    assert Household.objects.count() == 0


def test_semicolon_german_headers_and_reimport_updates(in_soest):
    german = ("Externe ID;Nachname;Vorname;Geburtsdatum;Geschlecht;Staatsangehörigkeit;"
              "Aufenthaltsstatus;Status seit\n"
              "B1;Rahimi;Omid;12.05.1994;m;AF;gestattung;01.02.2023\n")
    assert run(in_soest, german).created == 1
    again = german.replace("gestattung;01.02.2023", "duldung;01.06.2024")
    result = run(in_soest, again)
    assert (result.created, result.updated) == (0, 1)
    person = Person.objects.get(external_id="B1")
    assert list(person.statuses.values_list("code", flat=True)) == ["gestattung", "duldung"]


def test_dry_run_reports_only(in_soest):
    result = run(in_soest, GOOD, dry_run=True)
    assert result.ok and result.created == 3 and not result.written
    assert Person.objects.count() == 0


def test_header_problems_are_reported(in_soest):
    result = run(in_soest, "external_id,nachname,colour\nA1,X,blue\n")
    # The column is named in its own field now, as the file heads it ("unknown column
    # 'colour'" before the shared import framework).
    assert [str(e) for e in result.errors] == [
        "row 1, column colour: unknown column",
        "row 1, column given_names: column is missing",
        "row 1, column birth_date: column is missing",
        "row 1, column sex: column is missing",
        "row 1, column citizenship: column is missing"]


def test_probable_duplicates_are_reported_not_merged(in_soest):
    run(in_soest, GOOD)
    variant = HEADER + "C9,Al-Haddad,Maryam,1990-03-01,f,SY,,,,,,\n"
    result = run(in_soest, variant)
    assert result.written and Person.objects.count() == 4
    assert [(line, m.label) for line, m in result.duplicates] == [(2, "Haddad, Mariam")]


def test_household_move_keeps_history(in_soest):
    run(in_soest, GOOD)
    moved = HEADER + "A2,Haddad,Karim,2015,m,SY,H9,head,,,,\n"
    run(in_soest, moved)
    karim = Person.objects.get(external_id="A2")
    history = list(HouseholdMember.objects.filter(person=karim).order_by("valid_from", "pk")
                   .values_list("household__reference", "valid_to"))
    assert history[0][0] == "H1" and history[0][1] is not None
    assert history[1] == ("H9", None)


def test_xlsx_with_real_dates(in_soest):
    import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(["Externe ID", "Nachname", "Vorname", "Geburtsdatum", "Geschlecht",
                  "Staatsangehörigkeit"])
    sheet.append(["X1", "Haddad", "Mariam", datetime.datetime(1990, 3, 1), "w", "SY"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_persons(in_soest, io.BytesIO(buffer.getvalue()), "p.xlsx")
    assert result.ok, result.errors
    person = Person.objects.get(external_id="X1")
    assert (person.birth_date.isoformat(), person.sex) == ("1990-03-01", "f")


def test_command_and_exit_status(soest, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(GOOD.replace("1990-03-01", "1990-13-01"), encoding="utf-8")
    with pytest.raises(CommandError, match="1 error"):
        call_command("import_persons", str(path), municipality="soest")
    path.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("import_persons", str(path), municipality="soest", dry_run=True, stdout=out)
    assert "would create 3" in out.getvalue()
    with scope(municipality=soest):
        assert Person.objects.count() == 0


def test_console_command_reports_unknown_municipality(tmp_path, db, migrated_data_dir):
    path = tmp_path / "p.csv"
    path.write_text(GOOD, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    data = copy_migrated(migrated_data_dir, tmp_path / "data")
    env = {"PATH": "/usr/bin:/bin", "KIM_DATA_DIR": str(data)}
    result = subprocess.run([sys.executable, "-m", "kim", "import_persons", str(path),
                             "--municipality", "nirgendwo"], cwd=root, capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == "CommandError: unknown municipality: nirgendwo"


def test_upload_page(transactional_db, personas, soest, django_capture_on_commit_callbacks):
    """The upload becomes a background job; its page shows the progress, the worker
    imports the file, then the page shows the result."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = personas["caseworker"].client()
    upload = SimpleUploadedFile("p.csv", GOOD.encode(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/soest/persons/import/", {"file": upload})
    assert response.status_code == 302 and "/soest/jobs/" in response["Location"]
    waiting = client.get(response["Location"]).content.decode()
    assert 'id="job-progress"' in waiting and "core/jobs.js" in waiting  # it follows the job
    assert "wartet" in waiting
    with scope(municipality=soest):
        assert Person.objects.count() == 0
    work_off_queue()
    done = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Importiert: 3 Personen angelegt, 0 aktualisiert." in done
    assert 'id="job-progress"' not in done and "core/jobs.js" not in done
    with scope(municipality=soest):
        assert Person.objects.count() == 3
    with scopes_disabled():
        entry = AuditEntry.objects.get(action="bulk", model="people.person")
    assert (entry.actor_id, entry.source) == (personas["caseworker"].user.pk,
                                             f"job:{response['Location'].split('/')[-2]}")
    wrong = SimpleUploadedFile("p.exe", b"MZ", content_type="application/octet-stream")
    response = client.post("/soest/persons/import/", {"file": wrong})
    assert "file" in response.context["form"].errors
    assert personas["housing"].client().get("/soest/persons/import/").status_code == 403


def test_export_round_trips_through_the_import(personas, soest):
    import csv

    with scope(municipality=soest):
        run(soest, GOOD.replace("A3,Kovalenko", "A3,=cmd|' /C calc'!A0"))
    client = personas["caseworker"].client()
    response = client.get("/soest/persons/", {"format": "csv"})
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["external_id", "family_name", "given_names"]
    injected = next(r for r in rows if r[0] == "A3")
    assert injected[1].startswith("'=")  # neutralised for spreadsheets
    mariam = next(r for r in rows if r[0] == "A1")
    assert mariam[3:6] == ["1990-03-01", "f", "SY"] and mariam[6:8] == ["H1", "head"]
    plain = "\n".join(",".join(r) for r in rows if r[0] != "A3")
    with scope(municipality=soest):
        result = run(soest, plain)
        assert result.ok and (result.created, result.updated) == (0, 2)
    assert client.get("/soest/persons/", {"format": "xlsx"})["Content-Type"].startswith(
        "application/vnd.openxmlformats")


def test_identical_rows_are_compared_once_and_the_pairs_capped(in_soest):
    # Before: every row was compared with (and reported against) every earlier one –
    # 2 000 identical rows gave 1 999 000 pairs, 1 GB and 33 s.
    rows = "".join(f"D{i},Haddad,Mariam,1990-03-01,f,SY,,,,,,\n" for i in range(2000))
    result = run(in_soest, HEADER + rows, dry_run=True)
    assert result.ok and result.created == 2000
    assert len(result.duplicates) == 1999  # each row: the first identical row, once
    assert result.duplicates[0][0] == 3 and result.duplicates[0][1].file_row == 2
    assert result.duplicates[-1][0] == 2001 and result.duplicates[-1][1].count == 1999
    assert result.more_duplicates[2001] == 1998 and 3 not in result.more_duplicates
    lines = result.duplicates_lines()
    assert len(lines) == 1999 + 1998
    assert lines[-2:] == [(2001, result.duplicates[-1][1], 0), (2001, None, 1998)]


def test_errors_are_shown_translated_on_the_page(transactional_db, personas, soest,
                                                django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = personas["caseworker"].client()
    bad = GOOD.replace("A2,Haddad,Karim,2015,m,", "A2,Haddad,Karim,2015,q,")
    upload = SimpleUploadedFile("p.csv", bad.encode(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/soest/persons/import/", {"file": upload},
                               HTTP_ACCEPT_LANGUAGE="de")
    work_off_queue()
    page = client.get(response["Location"]).content.decode()
    assert "<td>3</td><td>sex</td><td>verwenden Sie f, m, x oder u (auch w, d)</td>" in page


def test_three_million_row_xlsx_is_refused_with_a_message(in_soest):
    from tests.core.xlsx_files import one_cell_rows

    result = import_persons(in_soest, io.BytesIO(one_cell_rows(3_000_000)), "p.xlsx")
    assert [str(e) for e in result.errors] == [
        "file: The file has more than 200000 rows; split it."]


def test_command_lists_capped_duplicates(soest, tmp_path):
    rows = "".join(f"D{i},Haddad,Mariam,1990-03-01,f,SY,,,,,,\n" for i in range(6))
    path = tmp_path / "p.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    out = io.StringIO()
    call_command("import_persons", str(path), municipality="soest", dry_run=True, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[-3:] == [
        "row 7: probable duplicate of row 2 of this file (Haddad, Mariam; family_name_exact, "
        "given_names_exact, birth_date_exact)",
        "row 7: and 4 more probable duplicates",
        "6 rows valid; would create 6, would update 0"]


def test_date_problems_are_translated(in_soest):
    """They came from the date parser as English text (seen on a German job page)."""
    from django.utils import translation

    result = run(in_soest, HEADER + "A1,Haddad,Mariam,31.02.1990,f,SY,,,,,,\n"
                 "A2,Haddad,Karim,1899,m,SY,,,,,,\n")
    with translation.override("de"):
        assert [e.translated for e in result.errors] == [
            "dieses Datum gibt es nicht: '31.02.1990'", "Jahr vor 1900: '1899'"]
    assert str(result.errors[0]).endswith("no such date: '31.02.1990'")
