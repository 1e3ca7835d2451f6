"""Big report exports run as background jobs (issue 13 item 11, kim/core/reports/jobs.py):
PDF/XLSX of a municipality with many personal records go through the queue, the job page
offers the file to the user who asked, and only to them."""

import datetime
import io

import pytest
from django_scopes import scope, scopes_disabled

from kim.core.domain.roles import save_custom_role
from kim.core.models import Job, Membership
from kim.core.reports.jobs import DEFAULT_THRESHOLD, personal_records
from tests.core.jobs import work_off_queue
from tests.people.factories import PersonFactory

URL = "/soest/reports/users_by_role/"


@pytest.fixture
def big(settings, soest):
    """Soest counts as big: its three persons reach a threshold of three records."""
    with scope(municipality=soest):
        PersonFactory.create_batch(3, municipality=soest)
    settings.KIM_REPORT_BACKGROUND_RECORDS = 3
    return soest


def test_the_default_threshold_counts_personal_records(soest, herne):
    assert DEFAULT_THRESHOLD == 2000
    with scope(municipality=soest):
        PersonFactory.create_batch(3, municipality=soest)
    assert personal_records(soest) >= 3  # persons and their legal time lines and keys
    assert personal_records(herne) == 0


def test_small_municipality_downloads_at_once(personas, soest):
    response = personas["admin"].client().get(URL, {"as_of": "2026-01-31", "format": "pdf"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    with scopes_disabled():
        assert not Job.objects.exists()


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_big_export_is_queued_and_offered_on_the_job_page(
        transactional_db, personas, big, fmt, django_capture_on_commit_callbacks):
    client = personas["admin"].client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(URL, {"as_of": "2026-01-31", "format": fmt})
    with scopes_disabled():
        job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/soest/jobs/{job.pk}/"
    assert (job.kind, job.status) == ("core.report_export", Job.Status.QUEUED)
    assert "Der Auftrag wartet, bis er an der Reihe ist." in client.get(
        response["Location"]).content.decode()

    work_off_queue()
    page = client.get(response["Location"]).content.decode()
    link = f"/soest/jobs/{job.pk}/file/"
    assert f'href="{link}"' in page
    download = client.get(link)
    content = b"".join(download.streaming_content)
    assert download.status_code == 200
    assert download["Content-Disposition"] == (
        f'attachment; filename="users_by_role_soest_2026-01-31.{fmt}"')
    assert content.startswith(b"%PDF-" if fmt == "pdf" else b"PK")
    # someone else's job: as if it did not exist
    assert personas["coordinator"].client().get(link).status_code == 404
    assert personas["foreign"].client().get(link).status_code == 404


def test_csv_and_json_stay_immediate(personas, big):
    client = personas["admin"].client()
    csv = client.get(URL, {"as_of": "2026-01-31", "format": "csv"})
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    assert client.get(URL, {"as_of": "2026-01-31", "format": "json"}).status_code == 200
    with scopes_disabled():
        assert not Job.objects.exists()


def test_a_user_who_lost_the_report_gets_no_file(transactional_db, personas, big,
                                                 django_capture_on_commit_callbacks):
    client = personas["admin"].client()
    with django_capture_on_commit_callbacks(execute=True):
        location = client.get(URL, {"as_of": "2026-01-31", "format": "pdf"})["Location"]
    with scope(municipality=big):
        only_jobs = save_custom_role(big, name="Nur Aufträge", description="",
                                     permissions=["core.jobs:read"])
        Membership.objects.get(user=personas["admin"].user).roles.set([only_jobs])
    work_off_queue()
    with scopes_disabled():
        job = Job.objects.get()
    assert (job.status, job.result) == (Job.Status.DONE, {"refused": True})
    page = client.get(location).content.decode()
    assert "Sie dürfen diesen Bericht nicht mehr sehen; daher wurde keine Datei erstellt." in page
    assert client.get(f"/soest/jobs/{job.pk}/file/").status_code == 404


def test_the_report_page_says_which_downloads_wait_in_the_queue(personas, soest, settings):
    client = personas["admin"].client()
    query = "as_of=2026-01-31&amp;format"
    page = client.get(URL, {"as_of": "2026-01-31"}).content.decode()
    assert f'href="?{query}=pdf" download>' in page
    assert "im Hintergrund erstellt" not in page
    settings.KIM_REPORT_BACKGROUND_RECORDS = 0  # every municipality is big
    page = client.get(URL, {"as_of": "2026-01-31"}).content.decode()
    assert f'href="?{query}=pdf">' in page and f'href="?{query}=xlsx">' in page
    assert f'href="?{query}=csv" download>' in page
    assert "Excel und PDF werden im Hintergrund erstellt" in page


def test_finished_jobs_and_their_files_are_deleted_after_the_kept_days(
        transactional_db, personas, big, django_capture_on_commit_callbacks):
    """Results and files can hold person data: kept ``core.job_keep_days`` (7) days after
    the job finished, then removed by the next job or ``kim retention run``; a job still
    waiting is never touched."""
    from django.core.management import call_command
    from django.utils import timezone

    from kim.core.reports.jobs import file_path

    client = personas["admin"].client()
    with django_capture_on_commit_callbacks(execute=True):
        client.get(URL, {"as_of": "2026-01-31", "format": "pdf"})
    work_off_queue()
    with scopes_disabled():
        old = Job.objects.get()
    path = file_path(old)
    assert path.is_file()
    assert "nach 7 Tagen gelöscht" in client.get("/soest/jobs/").content.decode()
    with scopes_disabled():
        Job.objects.filter(pk=old.pk).update(
            finished_at=timezone.now() - datetime.timedelta(days=6, hours=23))
    call_command("retention", "run", stdout=io.StringIO())
    assert path.is_file()  # not yet: 7 days are not over
    with scopes_disabled():
        Job.objects.filter(pk=old.pk).update(
            finished_at=timezone.now() - datetime.timedelta(days=7, minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        client.get(URL, {"as_of": "2026-02-28", "format": "xlsx"})  # waits in the queue
    call_command("retention", "run", stdout=io.StringIO())
    with scopes_disabled():
        assert list(Job.objects.values_list("status", flat=True)) == [Job.Status.QUEUED]
    assert not path.exists()
    assert client.get(f"/soest/jobs/{old.pk}/").status_code == 404
