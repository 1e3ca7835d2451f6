"""Stored legal time lines: equal to the live engine on random persons and days, current
after every write path, and cheap to read."""

import datetime
import io
import random

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from kim.core.domain.settings import record
from kim.people.domain import timelines
from kim.people.domain.benefits import residents
from kim.people.domain.facts import decisions_for, regime_and_housing
from kim.people.domain.merge import merge_persons
from kim.people.domain.params import LOCAL_GOOD_PROSPECT, params_for, version_for
from kim.people.models import (
    DecisionSegment,
    Household,
    HouseholdMember,
    Person,
    Timeline,
)
from tests.clock import today
from tests.housing.random_town import build
from tests.people.factories import PersonFactory, StatusFactory
from tests.people.test_import import GOOD, run

D = datetime.date
FIELDS = ("status", "regime", "office", "course", "employment", "residence", "childcare",
          "schooling", "housing", "own_flat")


def stored(municipality):
    return sorted(DecisionSegment.objects.filter(municipality=municipality).values_list(
        "person_id", "valid_from", "valid_to", "resident", "home", *FIELDS))


def assert_current(municipality):
    """The stored rows are exactly those of a full recomputation."""
    before = stored(municipality)
    assert before, "nothing stored"
    timelines.refresh_municipality(municipality, today())
    assert stored(municipality) == before
    assert timelines.covers(municipality, today())


def test_stored_segments_are_the_engines_decisions(soest, in_soest):
    ids = build(soest, households=30, seed=11)
    timelines.refresh_municipality(soest, D(2026, 1, 1))
    params = params_for(soest)
    rng = random.Random(11)  # noqa: S311
    persons = {p.pk: p for p in Person.objects.prefetch_related("statuses")}
    homes = list(HouseholdMember.objects.values_list("person_id", "valid_from", "valid_to",
                                                     "household_id"))
    checked = decided = 0
    for _ in range(400):
        person = persons[rng.choice(ids)]
        day = D(2013, 1, 1) + datetime.timedelta(days=rng.randint(0, 17 * 365))
        rows = list(DecisionSegment.objects.filter(person=person, valid_from__lte=day,
                                                   valid_to__gt=day).values(*FIELDS,
                                                                            "resident",
                                                                            "home"))
        statuses = list(person.statuses.all())
        starts = [s.valid_from for s in statuses]
        start = min([*starts, *([person.assignment_date] if person.assignment_date else [])],
                    default=None)
        if start is None or day < start or day >= D(2030, 1, 1):
            assert rows == []
            continue
        (row,) = rows
        checked += 1
        assert row["resident"] == residents(soest, day).filter(pk=person.pk).exists()
        household = [h for p, first, last, h in homes
                     if p == person.pk and first <= day and (last is None or day <= last)]
        assert row["home"] == (household[-1] if household else -person.pk)
        if regime_and_housing(person, statuses, day, params=params) is None:
            assert {row[f] for f in FIELDS} <= {"", None}
            continue
        decided += 1
        live = decisions_for(person, statuses, day, params=params)
        assert (row["status"], row["regime"], row["office"], row["course"], row["employment"],
                row["residence"], row["childcare"], row["schooling"], row["housing"],
                row["own_flat"]) == (
            live["status"]["code"], live["benefits"]["regime"], live["responsible_office"],
            live["integration_course"]["access"], live["employment"]["access"],
            live["residence_obligation"]["applies"], live["childcare"], live["schooling"],
            live["housing_category"], live["own_flat"]), (person.pk, day)
    assert checked > 200 and decided > 150


def test_rows_never_cross_a_new_year_and_cover_the_time_line(soest, in_soest):
    person = StatusFactory(person=PersonFactory(municipality=soest,
                                                assignment_date=D(2019, 5, 1))).person
    timelines.refresh_persons(soest, [person.pk], D(2024, 4, 20))
    rows = list(DecisionSegment.objects.filter(person=person).order_by("valid_from")
                .values_list("valid_from", "valid_to", "resident"))
    assert rows[0][0] == D(2019, 5, 1)  # the assignment is before the first status
    assert rows[-1][1] == D(2028, 1, 1)  # 1 January after three years ahead
    assert all(a[1] == b[0] for a, b in zip(rows, rows[1:], strict=False))
    assert all(first.year == (end - datetime.timedelta(days=1)).year for first, end, _ in rows)
    assert all(resident for _, _, resident in rows)
    timeline = Timeline.objects.get(person=person)
    assert (timeline.version, timeline.until) == (version_for(soest), D(2028, 1, 1))
    assert timelines.horizon(D(2024, 12, 31)) == D(2028, 1, 1)


def test_persons_without_status_or_assignment(soest, in_soest):
    nothing = PersonFactory(municipality=soest, assignment_date=None)
    assigned = PersonFactory(municipality=soest, assignment_date=D(2023, 1, 15))
    timelines.refresh_persons(soest, [nothing.pk, assigned.pk], D(2024, 4, 20))
    assert not DecisionSegment.objects.filter(person=nothing).exists()
    assert Timeline.objects.filter(person=nothing).exists()  # it counts as current
    assert set(DecisionSegment.objects.filter(person=assigned).values_list(
        "resident", "status", "regime")) == {(True, "", "")}
    assert timelines.covers(soest, D(2024, 4, 20))


def test_a_person_written_without_its_time_line_makes_the_reports_ask_the_engine(soest,
                                                                                 in_soest):
    """A database trigger gives every new person a stale placeholder Timeline, also for
    bulk inserts that skip kim's write paths."""
    person = StatusFactory(person=PersonFactory(municipality=soest)).person
    timelines.refresh_persons(soest, [person.pk], today())
    assert timelines.covers(soest, today())
    other = Person(municipality=soest, family_name="Bulk", given_names="Ali",
                   birth_date=D(1980, 1, 1), citizenships=["SY"])
    Person.objects.bulk_create([other])
    assert Timeline.objects.filter(person__family_name="Bulk").values_list(
        "version", "until").get() == ("", D(1900, 1, 1))
    assert not timelines.covers(soest, today())
    assert timelines.stale_ids(soest, today()) == list(
        Person.objects.filter(family_name="Bulk").values_list("pk", flat=True))
    timelines.refresh_stale(soest, today())
    assert timelines.covers(soest, today())


# --- every write path leaves the time lines current ---------------------------------------

@pytest.fixture
def family(soest):
    with scope(municipality=soest):
        household = Household.objects.create(municipality=soest, name="Haddad")
        people = [StatusFactory(person=PersonFactory(municipality=soest)).person
                  for _ in range(3)]
        for person in people:
            HouseholdMember.objects.create(municipality=soest, household=household,
                                           person=person, role="head", valid_from=D(2023, 1, 15))
        timelines.refresh_municipality(soest, today())
    return household, people


def test_person_forms_keep_the_time_line_current(personas, soest, family):
    _household, (person, _, _) = family
    client = personas["caseworker"].client()
    response = client.post(f"/soest/persons/{person.pk}/edit/", {
        "family_name": person.family_name, "given_names": "Amal", "birth": "01.03.1990",
        "sex": "f", "citizenship_codes": "AL", "assignment_date": "2023-02-01",
        "moved_away_date": "2025-03-01", "entry_date": "2022-10-01"})
    assert response.status_code == 302
    response = personas["benefits"].client().post(f"/soest/persons/{person.pk}/status/new/",
                                                  {"code": "duldung", "valid_from": "2024-06-01"})
    assert response.status_code == 302
    response = client.post("/soest/persons/new/", {
        "family_name": "Rahimi", "given_names": "Omid", "birth": "1994", "sex": "m",
        "citizenship_codes": "af", "assignment_date": "2024-01-01", "confirm_new": "1"})
    assert response.status_code == 302
    with scope(municipality=soest):
        rows = DecisionSegment.objects.filter(person=person)
        assert set(rows.filter(valid_from__gte=D(2025, 3, 1)).values_list("resident",
                                                                           flat=True)) == {False}
        assert rows.filter(status="duldung", housing="not_placeable").exists()
        assert rows.filter(valid_from=D(2023, 2, 1), resident=True).exists()
        assert DecisionSegment.objects.filter(person__family_name="Rahimi").exists()
        assert_current(soest)


def test_household_changes_keep_the_time_line_current(personas, soest, family):
    household, (head, partner, child) = family
    client = personas["caseworker"].client()
    assert client.post(f"/soest/persons/households/{household.pk}/split/",
                       {"persons": [child.pk], "name": "Haddad jun.",
                        "on": "2025-06-01"}).status_code == 302
    with scope(municipality=soest):
        new = HouseholdMember.objects.get(person=child, valid_to=None).household
        assert DecisionSegment.objects.filter(person=child, valid_from=D(2025, 6, 1),
                                              home=new.pk).exists()
        assert_current(soest)
    assert client.post(f"/soest/persons/households/{household.pk}/merge/",
                       {"other": new.pk, "on": "2025-09-01"}).status_code == 302
    with scope(municipality=soest):
        assert DecisionSegment.objects.filter(person=child, valid_from=D(2025, 9, 1),
                                              home=household.pk).exists()
        assert_current(soest)


def test_import_and_merge_keep_the_time_line_current(soest, in_soest, family):
    _household, (head, partner, _child) = family
    run(soest, GOOD, today=today())
    assert DecisionSegment.objects.filter(person__external_id="A3",
                                          status="temporary_protection").exists()
    assert_current(soest)
    merge_persons(head, partner, today())
    assert not DecisionSegment.objects.filter(person_id=partner.pk).exists()
    assert_current(soest)


def test_refresh_timelines_command(soest, herne, settings):
    with scope(municipality=soest):
        person = StatusFactory(person=PersonFactory(municipality=soest)).person
    out = io.StringIO()
    call_command("refresh_timelines", stdout=out)
    assert out.getvalue() == "herne: 0 time lines recomputed\nsoest: 1 time lines recomputed\n"
    out = io.StringIO()
    call_command("refresh_timelines", "--municipality", "soest", stdout=out)
    assert out.getvalue() == "soest: 0 time lines recomputed\n"  # nothing stale
    with scope(municipality=soest):
        Timeline.objects.filter(person=person).update(until=today())  # too short now
        assert timelines.stale_ids(soest, today()) == [person.pk]
    with scope(municipality=herne):
        record(herne, LOCAL_GOOD_PROSPECT, D(2000, 1, 1), "ET", "", None)
    out = io.StringIO()
    call_command("refresh_timelines", stdout=out)
    assert out.getvalue() == "herne: 0 time lines recomputed\nsoest: 1 time lines recomputed\n"
    with pytest.raises(CommandError, match="unknown municipality: nowhere"):
        call_command("refresh_timelines", "--municipality", "nowhere")


def test_the_local_list_is_a_validated_dated_setting(soest, in_soest):
    from django.core.exceptions import ValidationError

    from kim.people.domain.params import local_good_prospect

    with pytest.raises(ValidationError, match="QQ"):
        record(soest, LOCAL_GOOD_PROSPECT, D(2017, 1, 1), "ET, QQ", "", None)
    record(soest, LOCAL_GOOD_PROSPECT, D(2017, 1, 1), "SY, IQ, ER, ET, AF", "", None)
    record(soest, LOCAL_GOOD_PROSPECT, D(2019, 1, 1), "", "back to the federal list", None)
    (only,) = local_good_prospect(soest)
    assert (only.valid_from, only.valid_to) == (D(2017, 1, 1), D(2018, 12, 31))
    assert only.countries == {"SY", "IQ", "ER", "ET", "AF"}
    from kim.rules import DEFAULT_PARAMS

    assert params_for(soest).local_good_prospect != DEFAULT_PARAMS.local_good_prospect


# --- reading ---------------------------------------------------------------------------

READERS = {"benefit_recipients": "benefits", "housing_placement": "housing"}


def _report_queries(client, name):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/soest/reports/{name}/", {"as_of": "2024-06-30",
                                                          "format": "json"})
    assert response.status_code == 200
    return len(ctx.captured_queries), response.json()["totals"]


def test_report_queries_do_not_grow_with_the_persons(personas, soest):
    clients = {name: personas[persona].client() for name, persona in READERS.items()}
    with scope(municipality=soest):
        build(soest, households=6, seed=3)
        timelines.refresh_municipality(soest, today())
    small = {name: _report_queries(client, name) for name, client in clients.items()}
    with scope(municipality=soest):
        build(soest, households=30, seed=4)
        timelines.refresh_municipality(soest, today())
    large = {name: _report_queries(client, name) for name, client in clients.items()}
    assert {name: q for name, (q, _) in large.items()} == {
        name: q for name, (q, _) in small.items()}
    assert large["housing_placement"][1]["total"] > small["housing_placement"][1]["total"]
