""""My caseload" through the shared list (kim/core/lists.py): sort, filter, export that
keeps both, formula-safe cells; and the caseworker column on the household page."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from django_scopes import scope

from tests.casework.factories import (
    AppointmentFactory,
    AssignmentFactory,
    GoalFactory,
    MemberFactory,
)

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def three(personas, soest):
    """Three households of the caseworker: goals 2 / 0 / 1, one appointment tomorrow."""
    me = personas["caseworker"].user
    households = {}
    with scope(municipality=soest):
        for name, goals in (("Berisha", 2), ("Celik", 0), ("=Ahmadi", 1)):
            member = MemberFactory(person__municipality=soest, person__family_name=name,
                                   household__name=name)
            for _ in range(goals):
                GoalFactory(person=member.person)
            AssignmentFactory(household=member.household, caseworker=me)
            households[name] = member.household
        AppointmentFactory(municipality=soest, household=households["Celik"],
                           starts_at=timezone.now() + datetime.timedelta(days=1))
    return households


def names(response):
    return [str(row["household"]) for row in response.context["table"].rows]


def test_default_order_is_by_household_and_marked_for_screen_readers(personas, three):
    response = personas["caseworker"].client().get("/soest/casework/", **EN)
    assert names(response) == ["=Ahmadi", "Berisha", "Celik"]
    page = response.content.decode()
    assert '<th scope="col" aria-sort="ascending"><a href="?sort=-household"' in page
    assert '<a href="?sort=goals" class="sort-link">Open plan goals' in page


@pytest.mark.parametrize("sort,expected", [
    ("-household", ["Celik", "Berisha", "=Ahmadi"]),
    ("goals", ["Celik", "=Ahmadi", "Berisha"]),
    ("-goals", ["Berisha", "=Ahmadi", "Celik"]),
    ("next", ["Celik", "=Ahmadi", "Berisha"]),  # households without appointment last
    ("members", ["=Ahmadi", "Berisha", "Celik"]),  # not sortable: the default order
    ("nonsense", ["=Ahmadi", "Berisha", "Celik"]),
])
def test_columns_sort_both_ways(personas, three, sort, expected):
    response = personas["caseworker"].client().get(f"/soest/casework/?sort={sort}")
    assert names(response) == expected


def test_filters_by_name_and_by_appointment(personas, three):
    client = personas["caseworker"].client()
    assert names(client.get("/soest/casework/?q=beri")) == ["Berisha"]
    assert names(client.get("/soest/casework/?appointment=week")) == ["Celik"]
    assert names(client.get("/soest/casework/?appointment=none&sort=-household")) == [
        "Berisha", "=Ahmadi"]
    empty = client.get("/soest/casework/?q=xyz", **EN).content.decode()
    assert "No household matches the filter." in empty


def test_export_keeps_filter_and_order_and_is_formula_safe(personas, three):
    client = personas["caseworker"].client()
    page = client.get("/soest/casework/?appointment=none&sort=-goals", **EN).content.decode()
    assert 'href="?appointment=none&amp;sort=-goals&amp;format=csv"' in page
    response = client.get("/soest/casework/?appointment=none&sort=-goals&format=csv", **EN)
    assert response["Content-Disposition"] == 'attachment; filename="meine_faelle.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Household", "Members", "Next appointment", "Kind of appointment",
                       "Open plan goals"]
    assert [(r[0], r[4]) for r in rows[1:]] == [("Berisha", "2"), ("'=Ahmadi", "1")]
    xlsx = client.get("/soest/casework/?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get("/soest/casework/?format=pdf").status_code == 404


def test_household_page_shows_caseworker_and_case_file_links(personas, three):
    household = three["Berisha"]
    with scope(municipality=household.municipality):
        person = household.members.get().person
    page = personas["caseworker"].client().get(
        f"/soest/persons/households/{household.pk}/", **EN).content.decode()
    me = personas["caseworker"].user
    assert f'<td data-label="Caseworker">{me.get_full_name() or me.username}</td>' in page
    assert f'href="/soest/casework/persons/{person.pk}/"' in page
    assert '<nav class="breadcrumbs" aria-label="You are here">' in page


def test_demo_appointments_lie_in_office_hours():
    import random

    from kim.casework.demo import office_hour

    rng = random.Random(1)
    saturday = datetime.date(2026, 12, 5)
    moments = [timezone.localtime(office_hour(saturday, rng)) for _ in range(50)]
    assert {m.date() for m in moments} == {datetime.date(2026, 12, 7)}  # the Monday
    assert all(8 <= m.hour <= 15 and m.minute in (0, 30) for m in moments)
    back = timezone.localtime(office_hour(saturday, rng, back=True))
    assert back.date() == datetime.date(2026, 12, 4)  # the Friday before
