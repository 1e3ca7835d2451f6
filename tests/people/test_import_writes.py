"""What an import writes besides persons: search tokens, deadlines; unchanged rows stay."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kim.people.domain.deadlines import refresh_persons
from kim.people.domain.persons import padded_key, search
from kim.people.models import Deadline, Person
from tests.people.test_import import GOOD, HEADER, run

TODAY = datetime.date(2024, 4, 20)


def deadlines():
    return set(Deadline.objects.values_list("person__external_id", "date", "kind", "value",
                                            "source"))


def test_imported_persons_are_searchable_and_renames_follow(in_soest):
    run(in_soest, GOOD, today=TODAY)
    assert [p.external_id for p in search(in_soest, "Maryam Hadad")] == ["A1"]
    run(in_soest, HEADER + "A1,Kaya,Mariam,1990-03-01,f,SY|TR,,,,2023-02-01,,\n", today=TODAY)
    mariam = Person.objects.get(external_id="A1")
    assert (mariam.family_name, mariam.citizenships, str(mariam.assignment_date)) == (
        "Kaya", ["SY", "TR"], "2023-02-01")
    assert list(search(in_soest, "Maryam Hadad")) == []
    assert [p.external_id for p in search(in_soest, "Mariam Kaya", 1990)] == ["A1"]


def test_deadlines_are_those_of_a_full_refresh(in_soest):
    status = "A4,Omar,Lina,2008-07-01,f,SY,,,2022-10-01,2023-01-15,duldung,2023-02-01\n"
    run(in_soest, GOOD + status, today=TODAY)
    written = deadlines()
    assert len(written) >= 4  # something to compare
    refresh_persons(in_soest, list(Person.objects.values_list("pk", flat=True)), TODAY)
    assert deadlines() == written
    run(in_soest, HEADER + status.replace("duldung,2023-02-01", "refugee,2024-03-01"),
        today=TODAY)  # an update: the history then has two statuses
    written = deadlines()
    refresh_persons(in_soest, list(Person.objects.values_list("pk", flat=True)), TODAY)
    assert deadlines() == written


def test_new_rows_are_complete_records(in_soest):
    run(in_soest, GOOD, today=TODAY)
    olena = Person.objects.get(external_id="A3")
    assert olena.created_at and olena.updated_at and olena.citizenships == ["UA"]
    assert (olena.lives_in_reception_centre, olena.sex, olena.birth_date_precision) == (
        False, "f", "month")
    assert olena.name_key == padded_key("Olena Kovalenko")
    assert olena.statuses.get().code == "temporary_protection"


def test_reimport_of_unchanged_rows_updates_no_person(in_soest):
    run(in_soest, GOOD, today=TODAY)
    with CaptureQueriesContext(connection) as ctx:
        result = run(in_soest, GOOD, today=TODAY)
    assert result.written and result.updated == 3
    assert not [q for q in ctx.captured_queries
                if q["sql"].startswith('UPDATE "people_person"')]
