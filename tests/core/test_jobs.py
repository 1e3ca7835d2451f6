"""Background jobs (issue 13 item 11): a real queue in the database, worked off by the
worker command; each user sees only their own jobs; failures become a message."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_scopes import scope, scopes_disabled

from kim.core.domain import jobs
from kim.core.models import Job, Membership
from kim.people.demo.names import FAMILY, GIVEN
from kim.people.models import Person
from tests.conftest import make_member
from tests.core.jobs import work_off_queue

# 2 500 different (generated) persons: one name and birth date for all would make the
# file's own duplicate check compare every row with every other (3 million pairs).
_FAMILIES = [name for names in FAMILY.values() for name in names]
CSV = ("external_id,family_name,given_names,birth_date,sex,citizenship\n"
       + "".join(f"J{i},{_FAMILIES[i % len(_FAMILIES)]},{GIVEN['arabic_f'][i % 16]},"
                 f"{datetime.date(1960, 1, 1) + datetime.timedelta(days=7 * i)},f,SY\n"
                 for i in range(2500)))


def _upload(client, text=CSV, **extra):
    upload = SimpleUploadedFile("p.csv", text.encode(), content_type="text/csv")
    return client.post("/soest/persons/import/", {"file": upload, **extra})


def test_a_job_reports_progress_and_its_result(transactional_db, personas, soest,
                                               django_capture_on_commit_callbacks):
    client = personas["caseworker"].client()
    with django_capture_on_commit_callbacks(execute=True):
        location = _upload(client)["Location"]
    with scopes_disabled():
        job = Job.objects.get()
    assert (job.status, job.kind, job.params["dry_run"]) == ("queued", "people.import_persons",
                                                              False)
    assert bytes(job.data).startswith(b"external_id")
    work_off_queue()
    with scopes_disabled():
        job.refresh_from_db()
        assert Person.objects.filter(municipality=soest).count() == 2500
    assert (job.status, job.done, job.total) == ("done", 2500, 2500)
    assert job.result["created"] == 2500 and job.result["written"]
    assert bytes(job.data) == b""  # the uploaded file is gone once the job ran
    page = client.get(location).content.decode()
    assert "Importiert: 2500 Personen angelegt" in page
    listing = client.get("/soest/jobs/").content.decode()
    assert "p.csv importieren" in listing and location in listing


def test_jobs_are_their_owners_alone(personas, soest, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        location = _upload(personas["caseworker"].client(), dry_run="on")["Location"]
    colleague = Client()
    colleague.force_login(make_member(soest, "fall2-soest", "caseworker").user)
    assert colleague.get(location).status_code == 404
    assert location not in colleague.get("/soest/jobs/").content.decode()
    assert personas["admin"].client().get(location).status_code == 404
    assert personas["foreign"].client().get(location).status_code == 404


def test_a_job_whose_user_lost_the_permission_does_nothing(transactional_db, personas, soest,
                                                          django_capture_on_commit_callbacks):
    user = personas["caseworker"].user
    with django_capture_on_commit_callbacks(execute=True):
        _upload(personas["caseworker"].client())
    with scope(municipality=soest):
        Membership.objects.get(user=user).roles.clear()
    work_off_queue()
    with scopes_disabled():
        job = Job.objects.get()
        assert Person.objects.filter(municipality=soest).count() == 0
    assert (job.status, job.error) == (
        "failed", "Ihnen fehlt inzwischen die Berechtigung, die dieser Auftrag braucht.")


def test_a_failing_job_is_a_message_not_a_traceback(transactional_db, personas, soest,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        location = _upload(personas["caseworker"].client())["Location"]
    with scopes_disabled():
        Job.objects.update(params={"dry_run": False})  # the file name is missing: KeyError
    work_off_queue()
    with scopes_disabled():
        job = Job.objects.get()
    assert job.status == "failed" and job.error
    page = personas["caseworker"].client().get(location).content.decode()
    assert job.error in page and "Traceback" not in page and "KeyError" not in page


def test_a_job_runs_once_even_if_the_task_is_delivered_twice(personas, soest):
    with scope(municipality=soest):
        job = jobs.start(soest, personas["caseworker"].user, "people.import_persons",
                         "twice", params={"filename": "p.csv"}, data=CSV.encode())
    jobs.execute(job.pk)
    jobs.execute(job.pk)
    with scopes_disabled():
        assert Person.objects.filter(municipality=soest).count() == 2500


def test_a_job_needs_the_kinds_permission_to_start(personas, soest):
    with pytest.raises(PermissionError):
        jobs.start(soest, personas["housing"].user, "people.import_persons", "x",
                   params={"filename": "p.csv"}, data=b"")
