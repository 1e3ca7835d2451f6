"""Placement adapter and pages: suggestions for one household, the arrival plan (review
before write, pins, all or nothing), and the query count of the arrival page."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from kim.housing.domain import placement
from kim.housing.models import Stay
from kim.people.models import Household, HouseholdMember, PersonLanguage, Vulnerability
from tests.clock import today
from tests.housing.factories import PersonFactory, StatusFactory

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def household(town, name, *people):
    """A household of persons given as (sex, age) pairs, assigned a week ago."""
    with scope(municipality=town):
        h = Household.objects.create(municipality=town, name=name)
        for index, (sex, age) in enumerate(people):
            person = PersonFactory(municipality=town, family_name=name, sex=sex,
                                   birth_date=today().replace(year=today().year - age, day=1),
                                   assignment_date=today() - datetime.timedelta(days=7))
            StatusFactory(person=person, code="gestattung")
            HouseholdMember.objects.create(municipality=town, household=h, person=person,
                                           role="head" if index == 0 else "child",
                                           valid_from=today() - datetime.timedelta(days=7))
    return h


@pytest.mark.django_db
def test_needs_follow_the_members(soest, housing):
    family = household(soest, "Nasser", ("f", 35), ("m", 9))
    single = household(soest, "Berhe", ("f", 30))
    with scope(municipality=soest):
        Vulnerability.objects.create(municipality=soest, kind="health",
                                     person=single.members.get().person)
        needs = placement.needs([family, single], today())
        offers = placement.offers(soest, today())
    fam, one = needs[str(family.pk)], needs[str(single.pk)]
    assert (fam.size, fam.composition, fam.skips_phase1, "school" in fam.wants) == (
        2, "family", True, True)
    assert (one.composition, one.vulnerable, one.skips_phase1) == ("single_woman", True, True)
    assert {o.key: (o.phase, o.free_places) for o in offers.values()} == {
        str(housing["room"].pk): (1, 2), str(housing["flat"].pk): (2, 2)}


@pytest.mark.django_db
def test_write_plan_is_all_or_nothing_and_names_household_and_unit(soest, housing):
    first = household(soest, "Ahmadi", ("m", 40), ("f", 38))
    second = household(soest, "Karimi", ("m", 30), ("f", 28))
    room, flat = str(housing["room"].pk), str(housing["flat"].pk)
    with scope(municipality=soest):
        with pytest.raises(Exception) as caught:  # both into the Phase II flat: 4 > 2 places
            placement.write_plan(soest, {str(first.pk): flat, str(second.pk): flat}, today())
        assert "Over capacity" in " ".join(caught.value.messages)
        assert Stay.objects.count() == 1  # nothing written
        written = placement.write_plan(soest, {str(first.pk): room, str(second.pk): flat},
                                       today())
        assert written == 4 and Stay.objects.filter(end=None).count() == 5
        late = household(soest, "Sultani", ("m", 50))
        with pytest.raises(Exception) as caught:
            placement.write_plan(soest, {str(late.pk): flat}, today())
        assert "Sultani" in caught.value.messages[0] and "Wohnung 1" in caught.value.messages[0]


@pytest.mark.django_db
def test_household_page_ranks_units_and_moves_in(personas, soest, housing):
    family = household(soest, "Nasser", ("f", 35), ("m", 9))
    url = f"/soest/housing/placement/households/{family.pk}/"
    page = personas["caseworker"].client().get(url, **EN).content.decode()
    assert "Wohnung 1" in page and "Move in here" not in page  # readers see, not act
    assert "The household stays together" in page
    client = personas["housing"].client()
    assert "Move in here" in client.get(url, **EN).content.decode()
    response = client.post(url, {"unit": housing["flat"].pk, "on": today().isoformat()}, **EN)
    assert response.status_code == 302
    with scope(municipality=soest):
        assert set(Stay.objects.filter(end=None, place__unit=housing["flat"])
                   .values_list("person__family_name", flat=True)) == {"Nasser"}
    refused = personas["caseworker"].client().post(url, {"unit": housing["room"].pk})
    assert refused.status_code == 403


@pytest.mark.django_db
def test_arrival_is_reviewed_pinned_and_only_written_on_confirmation(personas, soest, housing):
    family = household(soest, "Nasser", ("f", 35), ("m", 9))
    woman = household(soest, "Tesfay", ("f", 25))
    client = personas["housing"].client()
    page = client.get("/soest/housing/placement/arrival/", **EN).content.decode()
    assert "Nasser (2 persons)" in page and "Tesfay (1 person)" in page
    ticked = set(re.findall(r'name="households" value="(\d+)"[^>]*checked', page))
    assert ticked == {str(family.pk), str(woman.pk)}  # the whole bus, until unticked
    response = client.post("/soest/housing/placement/arrival/", {
        "households": [family.pk, woman.pk], "on": today().isoformat()}, **EN)
    assert response.status_code == 302
    review = client.get("/soest/housing/placement/arrival/review/", **EN).content.decode()
    assert "3 of 3 persons placed" in review
    with scope(municipality=soest):
        assert Stay.objects.count() == 1  # nothing written before the confirmation
    # Pin the family into Phase I (the solver had put it into Phase II: school children).
    response = client.post("/soest/housing/placement/arrival/review/", {
        "action": "recompute", f"pin-{family.pk}": housing["room"].pk}, **EN)
    assert response.status_code == 302
    state = client.session["housing_arrival"]
    assert state["pins"] == {str(family.pk): str(housing["room"].pk)}
    response = client.post("/soest/housing/placement/arrival/review/", {"action": "confirm"})
    assert response.status_code == 302 and "housing_arrival" not in client.session
    with scope(municipality=soest):
        homes = dict(Stay.objects.filter(end=None).values_list("person__family_name",
                                                               "place__unit__facility__code"))
    assert homes["Nasser"] == "WALD"


@pytest.mark.django_db
def test_review_without_a_proposal_goes_back(personas, housing):
    response = personas["housing"].client().get("/soest/housing/placement/arrival/review/")
    assert response.status_code == 302 and response["Location"].endswith("/arrival/")


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, **EN).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_arrival_page_query_count_is_constant(personas, soest, housing):
    client = personas["housing"].client()
    url = "/soest/housing/placement/arrival/"
    household(soest, "Eins", ("m", 30))
    few = _queries(client, url)
    for n in range(6):
        household(soest, f"Mehr{n}", ("f", 30), ("m", 5))
    assert _queries(client, url) == few


@pytest.mark.django_db
def test_reasons_are_german_with_language_names(personas, soest, housing):
    family = household(soest, "Nasser", ("f", 35), ("m", 9))
    with scope(municipality=soest):
        PersonLanguage.objects.create(municipality=soest, language="ar", level="native",
                                      person=family.members.order_by("pk").first().person)
    url = f"/soest/housing/placement/households/{family.pk}/"
    page = personas["housing"].client().get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Der Haushalt bleibt zusammen (Haushaltsgröße: 2)." in page
    assert "Keine Nachbarn, die Arabisch sprechen." in page
    assert "The household stays together" not in page
