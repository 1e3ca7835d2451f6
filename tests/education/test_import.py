"""Courses and enrolments from CSV/XLSX: all or nothing, errors name row and column."""

import io

import pytest
from django.core.management import CommandError, call_command
from django_scopes import scope

from kim.education.importers import import_courses, import_enrolments
from kim.education.models import Course, Referral
from tests.conftest import make_member
from tests.people.factories import PersonFactory

COURSES = ("Träger;Titel;Art;Niveau;Beginn;Ende;Plätze;Kinderbetreuung;Stadtteil\n"
           "Kolping Test;Integrationskurs 05/2026;integration;B1;04.05.2026;30.10.2026;20;"
           "ja;\n"
           "ESTA Test;Alpha 06/2026;alpha;A2;2026-06-01;;15;nein;\n")


@pytest.mark.django_db
def test_courses_are_imported(soest, town):
    with scope(municipality=soest):
        result = import_courses(soest, COURSES.encode(), "kurse.csv")
        assert result.ok and result.outcome == 2
        alpha = Course.objects.get(title="Alpha 06/2026")
    assert (alpha.provider, alpha.kind, alpha.level, alpha.seats, alpha.end) == (
        town.esta, "alpha", "A2", 15, None)


@pytest.mark.django_db
def test_a_bad_row_writes_nothing_and_names_row_and_column(soest, town):
    bad = COURSES + "Unbekannt;X;integration;B1;01.02.2026;01.01.2026;0;ja;\n"
    with scope(municipality=soest):
        before = Course.objects.count()
        result = import_courses(soest, bad.encode(), "kurse.csv")
        assert Course.objects.count() == before
    assert [str(e) for e in result.errors] == [
        "row 4, column Ende: lies before Beginn",
        "row 4, column Plätze: '0' is not a whole number ≥ 1",
        "row 4, column Träger: no provider of this name: Unbekannt",
    ]


@pytest.mark.django_db
def test_enrolments_are_imported_and_checked(soest, town):
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest)
    good = (f"person_id,course_id,referred_on,start\n"
            f"{person.pk},{town.course.pk},2026-01-02,2026-01-12\n")
    with scope(municipality=soest):
        assert import_enrolments(soest, good.encode(), "e.csv").outcome == 1
        assert Referral.objects.get(person=person).start.isoformat() == "2026-01-12"
    bad = (f"person_id,course_id,referred_on,start\n"
           f"{person.pk},{town.course.pk},2026-01-02,\n"
           f"999999,{town.other_course.pk},2026-01-02,2026-01-01\n")
    with scope(municipality=soest):
        result = import_enrolments(soest, bad.encode(), "e.csv")
    assert [str(e) for e in result.errors] == [
        "row 2, column course_id: the person is already referred to this course",
        "row 3, column person_id: no person with this number: 999999",
        "row 3, column start: lies before referred_on",
    ]


@pytest.mark.django_db
def test_command_errors_on_stderr_nothing_on_stdout(soest, town, tmp_path):
    path = tmp_path / "kurse.csv"
    path.write_text("Träger;Titel\nKolping Test;X\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_education", "courses", str(path), "--municipality", "soest",
                     stdout=out, stderr=err)
    assert out.getvalue() == ""
    assert "row 1, column kind: column is missing" in err.getvalue()


def test_upload_page_imports_courses_as_a_background_job(
        transactional_db, personas, soest, django_capture_on_commit_callbacks):
    """Check first (nothing written), then import; a bad file names row and column and
    writes nothing; caseworkers may not upload."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.core.jobs import work_off_queue
    from tests.education.factories import ProviderFactory

    with scope(municipality=soest):
        ProviderFactory(municipality=soest, name="Kolping Test")
        ProviderFactory(municipality=soest, name="ESTA Test")
    client = personas["coordinator"].client()
    url = "/soest/education/courses/import/"

    def upload(text, **data):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"what": "courses", **data, "file": SimpleUploadedFile(
                "kurse.csv", text.encode(), content_type="text/csv")})
        assert response.status_code == 302 and "/soest/jobs/" in response["Location"]
        work_off_queue()
        return client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="de").content.decode()

    checked = upload(COURSES, dry_run="on")
    assert "Die Datei ist gültig: 2 Kurse würden importiert." in checked
    with scope(municipality=soest):
        assert Course.objects.count() == 0
    bad = upload(COURSES + "Unbekannt;X;integration;B1;01.02.2026;;5;ja;\n")
    assert "Es wurde nichts importiert" in bad and "Träger" in bad and "Unbekannt" in bad
    with scope(municipality=soest):
        assert Course.objects.count() == 0
    done = upload(COURSES)
    assert "Importiert: 2 Kurse." in done
    with scope(municipality=soest):
        assert Course.objects.count() == 2
    assert personas["caseworker"].client().get(url).status_code == 403
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Kurse und Teilnahmen importieren" in page and "Kinderbetreuung" in page


def test_a_provider_imports_its_own_courses_only(
        transactional_db, soest, town, django_capture_on_commit_callbacks):
    """Provider staff edit only their own courses, so they import only those: a row of
    another provider is an error naming row and column, and nothing is written; they
    cannot import referrals (a referral is the grant to a person's card)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from kim.core.models import Job
    from tests.core.jobs import work_off_queue

    client = Client()
    client.force_login(town.provider.user)  # Kolping's staff
    url = "/soest/education/courses/import/"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Sie können die Kurse Ihres Trägers Kolping Test importieren" in page
    assert 'value="enrolments"' not in page and "Zuweisungen und Teilnahmen" not in page

    def upload(text, what="courses"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, {"what": what, "file": SimpleUploadedFile(
                "kurse.csv", text.encode(), content_type="text/csv")},
                HTTP_ACCEPT_LANGUAGE="de")

    mixed = upload(COURSES)  # Kolping's row and ESTA's
    work_off_queue()
    result = client.get(mixed["Location"], HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Es wurde nichts importiert" in result
    assert "Sie können nur Kurse Ihres eigenen Trägers importieren (Kolping Test)" in result
    with scope(municipality=soest):
        assert not Course.objects.filter(title__endswith="/2026").exists()
    own = upload(COURSES.splitlines()[0] + "\n" + COURSES.splitlines()[1] + "\n")
    work_off_queue()
    assert "Importiert: 1 Kurs." in client.get(own["Location"],
                                               HTTP_ACCEPT_LANGUAGE="de").content.decode()
    with scope(municipality=soest):
        assert Course.objects.get(title="Integrationskurs 05/2026").provider == town.kolping
    refused = upload("person_id,course_id,referred_on\n1,1,2026-01-02\n", what="enrolments")
    assert refused.status_code == 200  # the form says no; no job was started
    assert "keine gültige Auswahl" in refused.content.decode()
    with scope(municipality=soest):
        assert Job.objects.filter(kind="education.import").count() == 0


@pytest.mark.django_db
def test_staff_without_an_organisation_can_import_no_course(soest, town):
    from kim.education.jobs import import_restriction

    lonely = make_member(soest, "traeger-ohne", "provider")
    with scope(municipality=soest):
        result = import_courses(soest, COURSES.encode(), "kurse.csv",
                                own_provider=import_restriction(lonely.user, soest))
    assert [str(e) for e in result.errors] == [
        "row 2, column Träger: your account belongs to no provider; ask the coordination",
        "row 3, column Träger: your account belongs to no provider; ask the coordination",
    ]
