"""Household page, split and merge with history."""

import datetime

import pytest

from kim.people.models import Household, HouseholdMember
from tests.core.test_permissions import ALL_PERSONAS, expected_status
from tests.people.factories import PersonFactory

D = datetime.date


@pytest.fixture
def family(in_soest):
    household = Household.objects.create(municipality=in_soest, name="Haddad")
    people = [PersonFactory(municipality=in_soest, family_name="Haddad") for _ in range(3)]
    for person, role in zip(people, ["head", "partner", "child"], strict=True):
        HouseholdMember.objects.create(municipality=in_soest, household=household,
                                       person=person, role=role, valid_from=D(2023, 1, 15))
    return household, people


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_matrix(personas, family, persona):
    household, _ = family
    client = personas[persona].client()
    readers, writers = {"caseworker", "benefits", "housing"}, {"caseworker", "benefits"}
    assert client.get(f"/soest/persons/households/{household.pk}/").status_code == \
        expected_status(persona, readers)
    for action in ("split", "merge"):
        assert client.get(f"/soest/persons/households/{household.pk}/{action}/").status_code \
            == expected_status(persona, writers)


def test_split_keeps_history(personas, family):
    household, (head, partner, child) = family
    client = personas["caseworker"].client()
    response = client.post(f"/soest/persons/households/{household.pk}/split/",
                           {"persons": [child.pk], "name": "Haddad jun.", "on": "2025-06-01"})
    assert response.status_code == 302
    old = HouseholdMember.objects.get(household=household, person=child)
    assert old.valid_to == D(2025, 5, 31)
    new = HouseholdMember.objects.get(person=child, valid_to=None)
    assert (new.household.name, new.valid_from) == ("Haddad jun.", D(2025, 6, 1))
    page = client.get(f"/soest/persons/households/{household.pk}/").content.decode()
    assert "Frühere Mitglieder" in page


def test_split_needs_someone_to_stay_and_a_valid_date(personas, family):
    household, people = family
    client = personas["caseworker"].client()
    response = client.post(f"/soest/persons/households/{household.pk}/split/",
                           {"persons": [p.pk for p in people], "name": "X", "on": "2025-06-01"})
    assert "on" in response.context["form"].errors
    response = client.post(f"/soest/persons/households/{household.pk}/split/",
                           {"persons": [people[2].pk], "name": "X", "on": "2020-01-01"})
    assert "on" in response.context["form"].errors
    assert HouseholdMember.objects.filter(valid_to=None).count() == 3


def test_merge_dissolves_the_other(personas, family, in_soest):
    household, _ = family
    other = Household.objects.create(municipality=in_soest, name="Saleh")
    single = PersonFactory(municipality=in_soest)
    HouseholdMember.objects.create(municipality=in_soest, household=other, person=single,
                                   role="head", valid_from=D(2023, 2, 1))
    response = personas["caseworker"].client().post(
        f"/soest/persons/households/{household.pk}/merge/", {"other": other.pk,
                                                             "on": "2025-01-01"})
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.dissolved_on == D(2025, 1, 1)
    assert HouseholdMember.objects.get(person=single, valid_to=None).household == household
