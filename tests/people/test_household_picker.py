"""Searchable household pickers (kim/core/pickers.py): the JSON endpoints answer only
within the user's municipality and permission; the forms validate the chosen number
against the same scope (a foreign or dissolved household is a form error, never a 500)."""

import datetime as dt

import pytest
from django_scopes import scope

from kim.housing.models import WaitingListEntry
from kim.people.models import Household
from tests.people.test_household_list import _household

PEOPLE = "/soest/persons/households/choices/"
HOUSING = "/soest/housing/waiting/households/"


@pytest.fixture
def towns(soest, herne):
    return {"ahmadi": _household(soest, "Ahmadi", "Ahmadi", "Ahmadi"),
            "other": _household(soest, "Berisha", "Ahmadi"),  # a member named Ahmadi
            "gone": _household(soest, "Ahmadi", "Ahmadi", dissolved=dt.date(2024, 1, 1)),
            "herne": _household(herne, "Ahmadi", "Ahmadi")}


def _results(client, url, q):
    response = client.get(url, {"q": q})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_the_picker_finds_by_name_member_and_number_in_the_own_town_only(personas, towns):
    ahmadi, other = towns["ahmadi"], towns["other"]
    client = personas["caseworker"].client()
    with scope(municipality=ahmadi.municipality):
        year = ahmadi.members.order_by("pk").first().person.birth_date.year
    assert _results(client, PEOPLE, "ahma") == [
        {"id": ahmadi.pk, "label": f"Ahmadi (Nr. {ahmadi.pk}): G0 {year}, G1 {year}"},
        {"id": other.pk, "label": f"Berisha (Nr. {other.pk}): G0 {year}"}]
    assert [r["id"] for r in _results(client, PEOPLE, "berisha ahmadi")] == [other.pk]
    assert [r["id"] for r in _results(client, PEOPLE, str(other.pk))] == [other.pk]
    assert _results(client, PEOPLE, str(towns["herne"].pk)) == []  # another town's number
    assert _results(client, PEOPLE, str(towns["gone"].pk)) == []  # dissolved
    assert _results(client, PEOPLE, "a") == []  # one letter is no search


def test_the_endpoints_need_the_permission_of_their_form(personas, towns):
    assert personas["school_office"].client().get(PEOPLE, {"q": "ahma"}).status_code == 403
    assert personas["foreign"].client().get(PEOPLE, {"q": "ahma"}).status_code == 404
    assert personas["anonymous"].client().get(PEOPLE, {"q": "ahma"}).status_code == 302
    assert personas["caseworker"].client().get(HOUSING, {"q": "ahma"}).status_code == 403
    housing = personas["housing"].client()
    assert [r["id"] for r in _results(housing, HOUSING, "ahmadi")] == [
        towns["ahmadi"].pk, towns["other"].pk]


def test_a_foreign_household_is_a_form_error_on_both_forms(personas, towns):
    ahmadi, herne = towns["ahmadi"], towns["herne"]
    client = personas["caseworker"].client()
    response = client.post(f"/soest/persons/households/{ahmadi.pk}/merge/",
                           {"other": herne.pk, "on": "2025-01-01"})
    assert response.status_code == 200
    assert response.context["form"].errors["other"] == [
        "Es gibt keinen anderen aktuellen Haushalt mit dieser Nummer."]
    response = client.post(f"/soest/persons/households/{ahmadi.pk}/merge/",
                           {"other": "abc", "on": "2025-01-01"})
    assert response.status_code == 200 and "other" in response.context["form"].errors
    response = personas["housing"].client().post(
        "/soest/housing/waiting/new/", {"household": herne.pk, "applied_on": "2025-01-01"})
    assert response.status_code == 200
    assert response.context["form"].errors["household"] == [
        f"Es gibt keinen aktuellen Haushalt mit der Nummer {herne.pk}."]
    with scope(municipality=herne.municipality):
        assert Household.objects.get(pk=herne.pk).dissolved_on is None
    with scope(municipality=ahmadi.municipality):
        assert not WaitingListEntry.objects.exists()


def test_the_forms_carry_the_picker_for_the_script(personas, towns):
    page = personas["caseworker"].client().get(
        f"/soest/persons/households/{towns['ahmadi'].pk}/merge/").content.decode()
    assert f'data-picker-url="{PEOPLE}"' in page and 'type="text" name="other"' in page
    page = personas["housing"].client().get("/soest/housing/waiting/new/").content.decode()
    assert f'data-picker-url="{HOUSING}"' in page and 'name="household"' in page


def test_the_volunteer_request_picker(personas, towns):
    url = "/soest/volunteers/my-requests/households/"
    assert [r["id"] for r in _results(personas["caseworker"].client(), url, "ahmadi")] == [
        towns["ahmadi"].pk, towns["other"].pk]
    assert personas["school_office"].client().get(url, {"q": "ahmadi"}).status_code == 403
    assert personas["foreign"].client().get(url, {"q": "ahmadi"}).status_code == 404
    assert personas["steering"].client().get(url, {"q": "ahmadi"}).status_code == 403
    page = personas["caseworker"].client().get("/soest/volunteers/my-requests/new/")
    assert f'data-picker-url="{url}"' in page.content.decode()
