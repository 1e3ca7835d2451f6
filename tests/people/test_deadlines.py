"""The deadline worklist: computed from the rules and policy, listed, filtered, exported."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django_scopes import scope
from openpyxl import load_workbook

from kim.people.domain.deadlines import compute, refresh_person
from kim.people.models import Deadline
from kim.rules import DEFAULT_PARAMS
from tests.core.test_permissions import ALL_PERSONAS, expected_status
from tests.people.factories import PersonFactory, StatusFactory

TODAY = datetime.date(2024, 4, 20)


@pytest.fixture
def recognised(in_soest):
    person = PersonFactory(municipality=in_soest, family_name="=HYPERLINK(\"x\")")
    StatusFactory(person=person, code="gestattung", valid_from=datetime.date(2022, 10, 5))
    StatusFactory(person=person, code="refugee", valid_from=datetime.date(2024, 4, 10),
                  expires_on=datetime.date(2027, 4, 9))
    return person


def test_compute_lists_rule_and_policy_deadlines(recognised):
    due = compute(recognised, list(recognised.statuses.all()), TODAY, DEFAULT_PARAMS)
    got = [(d.date.isoformat(), d.kind, d.value) for d in due]
    assert ("2024-05-01", "benefits.regime", "sgb2") in got
    assert ("2024-05-01", "responsible_office", "jobcenter") in got
    assert ("2025-04-10", "integration_course.access", "admissible") in got
    assert ("2027-04-09", "permit_expiry", "refugee") in got
    assert got == sorted(got)


def test_unaccompanied_minor_turning_18(in_soest):
    minor = PersonFactory(municipality=in_soest, birth_date=datetime.date(2008, 6, 1),
                          unaccompanied_minor=True)
    StatusFactory(person=minor, code="gestattung", valid_from=datetime.date(2023, 1, 1))
    due = compute(minor, list(minor.statuses.all()), TODAY, DEFAULT_PARAMS)
    kinds = {(d.date, d.kind) for d in due}
    assert (datetime.date(2026, 6, 1), "uma_turns_18") in kinds


def test_refresh_replaces_previous_rows(recognised, in_soest):
    refresh_person(recognised, TODAY)
    refresh_person(recognised, TODAY)
    assert Deadline.objects.filter(person=recognised, kind="benefits.regime").count() == 1


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_matrix(personas, persona):
    status = personas[persona].client().get("/soest/persons/deadlines/").status_code
    assert status == expected_status(persona, {"caseworker", "benefits", "housing"})


def test_page_filters_and_exports_safely(personas, recognised, in_soest):
    refresh_person(recognised, TODAY)
    client = personas["caseworker"].client()
    params = {"date_from": "2024-04-20", "date_to": "2025-12-31"}
    page = client.get("/soest/persons/deadlines/", params).content.decode()
    assert "Bürgergeld (SGB II)" in page and "01.05.2024" in page
    only = client.get("/soest/persons/deadlines/", {**params, "kinds": "integration_course.access"})
    assert "10.04.2025" in only.content.decode() and "01.05.2024" not in only.content.decode()
    response = client.get("/soest/persons/deadlines/", {**params, "format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="fristen.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Datum"
    # three of the rules engine's changes and education's "entitlement ends" (a module's
    # deadline source: its course entitlement ends the day before it becomes "admissible")
    assert [r[3] for r in rows[1:]] == ["Leistungen", "Zuständige Stelle",
                                        "Kursberechtigung endet ohne Anmeldung",
                                        "Integrationskurs"]
    assert all(row[1].startswith("'=HYPERLINK") for row in rows[1:])
    response = client.get("/soest/persons/deadlines/", {**params, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(2, 2).value.startswith("'=HYPERLINK")
    assert client.get("/soest/persons/deadlines/", {"format": "exe"}).status_code == 404


def test_bad_dates_show_a_field_error(personas):
    response = personas["caseworker"].client().get(
        "/soest/persons/deadlines/", {"date_from": "2025-01-01", "date_to": "2024-01-01"})
    assert "date_to" in response.context["form"].errors


def test_status_entry_refreshes_deadlines(personas, in_soest):
    person = PersonFactory(municipality=in_soest)
    client = personas["benefits"].client()
    from django.utils import timezone

    recognised_on = timezone.localdate() - datetime.timedelta(days=5)
    client.post(f"/soest/persons/{person.pk}/status/new/",
                {"code": "refugee", "valid_from": recognised_on.isoformat()})
    kinds = set(Deadline.objects.filter(person=person).values_list("kind", flat=True))
    assert "integration_course.access" in kinds


def test_query_count_constant(personas, in_soest):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = personas["caseworker"].client()
    params = {"date_from": "2020-01-01", "date_to": "2035-01-01"}

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get("/soest/persons/deadlines/", params)
        return len(ctx.captured_queries)

    for _ in range(2):
        refresh_person(StatusFactory(person=PersonFactory(municipality=in_soest)).person, TODAY)
    small = count()
    for _ in range(20):
        refresh_person(StatusFactory(person=PersonFactory(municipality=in_soest)).person, TODAY)
    assert count() == small


def test_refresh_command(soest, herne):
    out = io.StringIO()
    call_command("refresh_deadlines", stdout=out)
    assert "soest: 0 deadlines" in out.getvalue()
    with scope(municipality=soest):
        assert not Deadline.objects.exists()


def test_sorted_by_person_and_the_export_keeps_the_order(personas, recognised, in_soest):
    refresh_person(recognised, TODAY)
    other = PersonFactory(municipality=in_soest, family_name="Zander")
    Deadline.objects.create(municipality=in_soest, person=other, kind="permit_expiry",
                            date=datetime.date(2025, 12, 30), source="test")
    client = personas["caseworker"].client()
    params = {"date_from": "2024-04-20", "date_to": "2025-12-31", "sort": "-person"}
    page = client.get("/soest/persons/deadlines/", params).content.decode()
    assert '<th scope="col" aria-sort="descending"><a href="?date_from=2024-04-20' in page
    first = page.index("Zander")
    assert all(first < page.index(d) for d in ("01.05.2024", "10.04.2025"))
    rows = list(csv.reader(io.StringIO(client.get(
        "/soest/persons/deadlines/", {**params, "format": "csv"}).content.decode("utf-8-sig"))))
    assert rows[1][1].startswith("Zander") and len(rows) == 6


def test_an_empty_window_names_the_next_deadline(personas, recognised, in_soest):
    refresh_person(recognised, TODAY)
    client = personas["caseworker"].client()
    page = client.get("/soest/persons/deadlines/", {"date_from": "2024-04-02",
                                                    "date_to": "2024-04-03"},
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "No deadline from 04/02/2024 to 04/03/2024. The next one is on 05/01/2024." in page
    assert "date_to=2024-05-01" in page
