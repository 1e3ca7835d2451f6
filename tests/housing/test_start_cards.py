"""Start pages with work for every role (issue 13 item 2): what is due soon (benefits,
case work), hints (housing), occupancy key figures with a chart and its numbers
(coordinator, steering), children by age (school office)."""

import datetime

from django_scopes import scope

from kim.people.models import Deadline
from tests.clock import today
from tests.housing.factories import PersonFactory

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def start(persona):
    return persona.client().get("/soest/", **EN).content.decode()


def test_coordinator_and_steering_see_occupancy_per_kind_without_persons(personas, housing):
    for role in ("coordinator", "steering"):
        page = start(personas[role])
        assert "Occupancy of the accommodation" in page
        assert ('<tr><th scope="row">Phase I – central reception</th><td class="number">1</td>'
                '<td class="number">3</td>') in page
        assert ('<tr><th scope="row">Phase II – residential units</th><td class="number">0'
                '</td><td class="number">2</td>') in page
        assert "<dt>Free</dt><dd>4</dd>" in page
        assert "Haddad" not in page  # the resident: no person data for aggregate audiences
    assert "Occupancy of the accommodation" not in start(personas["caseworker"])


def test_benefits_see_what_is_due_in_the_next_sixty_days(personas, soest):
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest, family_name="Karimi", given_names="Sara")
        for days, kind in ((3, "permit_expiry"), (10, "permit_expiry"), (59, "schooling"),
                           (61, "schooling"), (-1, "schooling")):
            Deadline.objects.create(municipality=soest, person=person, kind=kind,
                                    date=today() + datetime.timedelta(days=days), source="test")
    page = start(personas["benefits"])
    assert "Due in the next 60 days" in page
    assert '<p class="big-figure">3</p>' in page
    assert "<li>Residence document expires: 2</li>" in page
    assert "<li>School duty: 1</li>" in page
    until = today() + datetime.timedelta(days=60)
    assert f"/soest/persons/deadlines/?date_to={until:%Y-%m-%d}" in page


def test_empty_deadline_card_says_where_deadlines_come_from(personas, soest):
    page = start(personas["caseworker"])
    assert "Nothing is due in the next 60 days." in page


def test_school_office_sees_children_by_age(personas, soest):
    with scope(municipality=soest):
        for years in (4, 12, 13, 30):
            PersonFactory(municipality=soest,
                          birth_date=today().replace(year=today().year - years, day=1)
                          - datetime.timedelta(days=1))
    page = start(personas["school_office"])
    assert '<p class="big-figure">3</p>' in page
    assert '<tr><th scope="row">3–5</th><td class="number">1</td>' in page
    assert '<tr><th scope="row">10–15</th><td class="number">2</td>' in page
    # the bars (SVG: the CSP allows no inline style) repeat the numbers: 2 is the top
    assert page.count('<rect width="100" height="10">') == 1
    assert page.count('<rect width="50" height="10">') == 1
    assert "Children and youths" not in start(personas["steering"])


def test_housing_office_sees_hints_by_kind(personas, housing):
    assert "No open hint today" in start(personas["housing"])
    stay = housing["stay"]
    with scope(municipality=stay.municipality):
        stay.start = today() - datetime.timedelta(days=400)  # far beyond six months in Phase I
        stay.save()
    page = start(personas["housing"])
    assert ('<li><a href="/soest/housing/hints/?kind=phase1_over_6_months">Phase I longer '
            'than the policy allows</a>: 1</li>') in page
