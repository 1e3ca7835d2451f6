"""The course worklist from the stored time lines at scale (issue 11 item 10): each row
carries the run of its course value, so the worklist is one index range whose query count
does not grow with the data, and it gives what grouped scans over all rows gave."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from kim.education.domain import gaps as domain
from kim.people.domain import timelines
from kim.people.models import DecisionSegment
from tests.people.factories import person_with, tolerated_then_25_5, ukrainian

D = datetime.date
HISTORIES = [
    (("gestattung", D(2023, 2, 1)), ("refugee", D(2025, 9, 1))),
    (("refugee", D(2025, 9, 1)),),
    (("duldung", D(2024, 1, 1)),),
    (("gestattung", D(2019, 5, 1)), ("subsidiary", D(2021, 3, 1))),
    (("gestattung", D(2022, 5, 1)), ("duldung", D(2023, 8, 1)),
     ("humanitarian_25_5", D(2025, 1, 1))),
]


def _persons(municipality, count):
    made = []
    for index in range(count):
        history = HISTORIES[index % len(HISTORIES)]
        made.append(person_with(municipality, *history,
                                family_name=f"Lauf{index}", assignment_date=history[0][1]))
    return made


def _grouped(municipality, day):
    """The reference: the access of the day's row, began after the last earlier row with
    another value (else at the person's first row), ends with the first later such row."""
    rows = {}
    for row in DecisionSegment.objects.filter(municipality=municipality).order_by(
            "person_id", "valid_from").values("person_id", "valid_from", "valid_to", "course",
                                              "resident"):
        rows.setdefault(row["person_id"], []).append(row)
    result = {}
    for pid, own in rows.items():
        today = [r for r in own if r["valid_from"] <= day < r["valid_to"] and r["resident"]]
        if not today or today[0]["course"] not in domain.ACCESS:
            continue
        value = today[0]["course"]
        before = [r["valid_to"] for r in own if r["valid_to"] <= day and r["course"] != value]
        after = [r["valid_from"] for r in own if r["valid_from"] > day and r["course"] != value]
        result[pid] = (value, max(before) if before else own[0]["valid_from"],
                       min(after) - datetime.timedelta(days=1) if after else None)
    return result


@pytest.mark.django_db
def test_course_runs_give_what_grouped_scans_gave(soest):
    with scope(municipality=soest):
        _persons(soest, 10)
        ukrainian(soest, D(2022, 3, 10))
        tolerated_then_25_5(soest)
        timelines.refresh_municipality(soest, D(2026, 3, 1))
        checked = 0
        for day in (D(2020, 6, 1), D(2022, 7, 1), D(2024, 1, 1), D(2026, 3, 1),
                    D(2027, 12, 31)):
            assert timelines.covers(soest, day)
            expected = _grouped(soest, day)
            assert domain.course_access(soest, day) == expected
            checked += len(expected)
    assert checked >= 20


@pytest.mark.django_db
def test_worklist_queries_do_not_grow_with_the_data(soest):
    day = D(2026, 3, 1)

    def counted():
        with CaptureQueriesContext(connection) as queries:
            found = domain.gaps(soest, day)
        return len(queries), len(found)

    with scope(municipality=soest):
        _persons(soest, 3)
        timelines.refresh_municipality(soest, day)
        few, listed_few = counted()
        _persons(soest, 12)
        timelines.refresh_municipality(soest, day)
        many, listed_many = counted()
    assert listed_many > listed_few > 0
    assert many == few


@pytest.mark.django_db
def test_pages_counted_in_the_database_equal_the_whole_list(soest):
    from tests.education.factories import CourseFactory, ObligationFactory, ReferralFactory

    day = D(2026, 3, 1)
    with scope(municipality=soest):
        made = _persons(soest, 15)
        course = CourseFactory(municipality=soest, start=D(2026, 1, 12))
        ReferralFactory(course=course, person=made[0], referred_on=D(2025, 12, 1),
                        start=D(2026, 1, 12))  # enrolled: not listed
        ReferralFactory(course=course, person=made[1], referred_on=D(2026, 2, 1))  # waiting
        for person in (made[2], made[5], made[0]):  # tolerated / with access / enrolled
            ObligationFactory(person=person, issued_on=D(2026, 1, 5), basis="asylblg_5b",
                              office="social")
        timelines.refresh_municipality(soest, day)
        whole = domain.gaps(soest, day)
        for which, wanted in (("", whole), ("entitled", [g for g in whole
                                                         if g.access == "entitled"]),
                              ("obliged", [g for g in whole if g.obliged])):
            listed = domain.GapPage(soest, day, which)
            assert listed.count() == len(wanted)
            assert [g for start in range(0, len(wanted), 4)
                    for g in listed[start:start + 4]] == wanted
    assert whole[-1].access == "" and whole[-1].obliged
    assert any(g.referred for g in whole)
    assert made[0].pk not in {g.person_id for g in whole}


@pytest.mark.django_db
def test_worklist_page_queries_do_not_grow_with_the_data(soest, personas):
    from django.urls import reverse

    url = reverse("education:gap_list", kwargs={"municipality": soest.slug})
    client = personas["caseworker"].client()

    def counted():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    with scope(municipality=soest):
        _persons(soest, 3)
        timelines.refresh_municipality(soest)
    few = counted()
    with scope(municipality=soest):
        _persons(soest, 60)
        timelines.refresh_municipality(soest)
    assert counted() == few
