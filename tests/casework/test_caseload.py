"""My caseload, assigning caseworkers, and the start-page card."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scope

from kim.casework.models import CaseAssignment
from tests.casework.factories import (
    AppointmentFactory,
    AssignmentFactory,
    GoalFactory,
    HouseholdFactory,
    MemberFactory,
)
from tests.casework.test_case_page import count_queries
from tests.conftest import make_member


def test_my_caseload_lists_my_households_with_members_next_appointment_and_goals(personas,
                                                                                case):
    soest = case["person"].municipality
    with scope(municipality=soest):
        child = MemberFactory(household=case["household"], role="child",
                              person__municipality=soest, person__given_names="Yusuf").person
        GoalFactory(person=child, code="kita_school", text="Kita-Platz")
        GoalFactory(person=child, code="health", text="U-Untersuchung", status="done")
        soon = AppointmentFactory(municipality=soest, household=case["household"],
                                  starts_at=timezone.now() + datetime.timedelta(hours=3))
        AppointmentFactory(municipality=soest, person=child, status="cancelled",
                           starts_at=timezone.now() + datetime.timedelta(hours=1))
        other = MemberFactory(person__municipality=soest,
                              person__family_name="Nicht-meins").household
        AssignmentFactory(household=other, caseworker=make_member(
            soest, "kollegin", "caseworker").user)
    response = personas["caseworker"].client().get("/soest/casework/")
    (row,) = response.context["table"].rows
    assert row["household"] == case["household"]
    assert [m.person.given_names for m in row["members"]] == ["Mariam", "Yusuf"]
    assert row["next_appointment"] == soon
    assert row["open_goals"] == 2  # Mariam's language goal and Yusuf's Kita goal
    assert "Nicht-meins" not in response.content.decode()


def test_empty_caseload_says_what_will_appear(personas, soest):
    page = personas["caseworker"].client().get("/soest/casework/").content.decode()
    assert 'href="/soest/persons/"' in page
    assert "<table" not in page


def test_assign_offers_only_users_who_may_hold_a_caseload(personas, case):
    soest = case["person"].municipality
    with scope(municipality=soest):
        household = MemberFactory(person__municipality=soest).household
        person = household.members.get().person
    client = personas["caseworker"].client()
    path = f"/soest/casework/households/{household.pk}/assign/?person={person.pk}"
    form = client.get(path).context["form"]
    assert list(form.fields["caseworker"].queryset) == [personas["caseworker"].user]
    response = client.post(path, {"caseworker": personas["benefits"].user.pk,
                                  "since": "2025-01-01"})
    assert list(response.context["form"].errors) == ["caseworker"]
    response = client.post(path, {"caseworker": personas["caseworker"].user.pk, "since": ""})
    assert list(response.context["form"].errors) == ["since"]
    response = client.post(path, {"caseworker": personas["caseworker"].user.pk,
                                  "since": "2025-01-01"})
    assert response.status_code == 302
    assert response["Location"] == f"/soest/casework/persons/{person.pk}/#caseworkers"
    response = client.post(path, {"caseworker": personas["caseworker"].user.pk,
                                  "since": "2025-02-01"})
    assert list(response.context["form"].errors) == ["caseworker"]  # already responsible
    with scope(municipality=soest):
        assert CaseAssignment.objects.filter(household=household).count() == 1


def test_ending_an_assignment_keeps_the_history(personas, case):
    assignment = case["assignment"]
    response = personas["caseworker"].client().post(
        f"/soest/casework/assignments/{assignment.pk}/end/")
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.until == timezone.localdate()
    assert personas["caseworker"].client().get("/soest/casework/").context["any"] is False


def test_start_page_card_counts_households_and_this_weeks_appointments(personas, case):
    soest = case["person"].municipality
    with scope(municipality=soest):
        AppointmentFactory(municipality=soest, household=case["household"],
                           starts_at=timezone.now() + datetime.timedelta(days=10))
    response = personas["caseworker"].client().get("/soest/")
    (card,) = [c for c in response.context["cards"] if c["key"] == "my_caseload"]
    assert (card["households"], card["appointments"]) == (1, 1)
    assert 'href="/soest/casework/"' in response.content.decode()


def test_start_page_card_empty_state_and_visibility(personas, soest):
    response = personas["caseworker"].client().get("/soest/")
    (card,) = [c for c in response.context["cards"] if c["key"] == "my_caseload"]
    assert card["households"] == 0
    assert 'href="/soest/persons/"' in response.content.decode()
    for persona in ("benefits", "admin", "housing"):
        cards = personas[persona].client().get("/soest/").context["cards"]
        assert "my_caseload" not in [c["key"] for c in cards]


def test_navigation_entry_only_for_caseload_readers(personas, soest):
    assert 'href="/soest/casework/"' in personas["caseworker"].client().get(
        "/soest/").content.decode()
    assert 'href="/soest/casework/"' not in personas["benefits"].client().get(
        "/soest/").content.decode()


@pytest.mark.parametrize("path", ["/soest/casework/", "/soest/"])
def test_caseload_and_start_page_query_counts_are_constant(personas, case, path):
    soest = case["person"].municipality
    client = personas["caseworker"].client()

    def add(n):
        with scope(municipality=soest):
            for _ in range(n):
                household = HouseholdFactory(municipality=soest)
                for role in ("head", "child"):
                    person = MemberFactory(household=household, role=role,
                                           person__municipality=soest).person
                    GoalFactory(person=person)
                    AppointmentFactory(municipality=soest, person=person)
                AppointmentFactory(municipality=soest, household=household)
                AssignmentFactory(household=household, caseworker=personas["caseworker"].user)

    add(2)
    small = count_queries(client, path)
    add(15)
    assert count_queries(client, path) == small
