"""The pages: board, forms through the views, incident log; queries stay constant."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled

from kim.core.models import AuditEntry
from kim.housing.models import Facility, Incident, Place, StateFacilityCount, Stay, Unit
from kim.people.models import Vulnerability
from tests.clock import today
from tests.housing.factories import PersonFactory, PlaceFactory, StayFactory, UnitFactory

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def get(client, url):
    response = client.get(url, **EN)
    assert response.status_code == 200, url
    return response.content.decode()


def test_board_shows_places_residents_and_actions(personas, housing):
    url = f"/soest/housing/facilities/{housing['phase1'].pk}/"
    text = get(personas["housing"].client(), url)
    assert "Haddad, Omar" in text and "Zimmer 1" in text
    assert f"/soest/housing/places/{housing['places'][1].pk}/move-in/" in text
    assert f"/soest/persons/{housing['resident'].pk}/" in text
    reader = get(personas["benefits"].client(), url)
    assert "move-in/" not in reader and "Haddad, Omar" in reader
    past = get(personas["housing"].client(), url + "?on=2000-01-01")
    assert "Haddad" not in past and "move-in/" not in past
    assert "A past date" in past


def test_move_in_through_the_page(personas, housing, soest):
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest, family_name="Yilmaz", given_names="Deniz")
    client = personas["housing"].client()
    url = f"/soest/housing/places/{housing['places'][1].pk}/move-in/"
    assert f'data-picker-url="{url}persons/"' in get(client, url)
    found = client.get(url + "persons/", {"q": "Yilmaz"}, **EN).json()["results"]
    assert found == [{"id": person.pk, "label": f"Yilmaz, Deniz (born "
                      f"{person.birth_date_display}, no. {person.pk})"}]
    housed = client.get(url + "persons/", {"q": "Haddad"}).json()["results"]
    assert housed == []  # already has a place
    response = client.post(url, {"person": person.pk, "start": today().isoformat(),
                                 "reason": "arrival"}, **EN)
    assert response.status_code == 302
    with scope(municipality=soest):
        assert Stay.objects.get(person=person).place == housing["places"][1]
    again = client.post(f"/soest/housing/places/{housing['places'][2].pk}/move-in/",
                        {"person": person.pk, "start": today().isoformat(),
                         "reason": "arrival"}, **EN)
    assert again.status_code == 200
    assert "already has a stay" in again.content.decode()


def test_the_person_picker_is_the_own_towns_and_needs_the_move_in_permission(
        personas, housing, soest, herne):
    with scope(municipality=herne):
        foreign = PersonFactory(municipality=herne, family_name="Yilmaz")
    url = f"/soest/housing/places/{housing['places'][1].pk}/move-in/"
    client = personas["housing"].client()
    assert client.get(url + "persons/", {"q": "Yilmaz"}).json()["results"] == []
    assert client.get(url + "persons/", {"q": "Yilm"}).json()["results"] == []
    assert client.get(url + "persons/", {"q": str(foreign.pk)}).json()["results"] == []
    with scope(municipality=soest):
        own = PersonFactory(municipality=soest, family_name="Yilmaz")
    found = client.get(url + "persons/", {"q": "yilm"}).json()["results"]  # still typing
    assert [r["id"] for r in found] == [own.pk]
    assert personas["caseworker"].client().get(url + "persons/", {"q": "Yilm"}).status_code == 403
    assert personas["foreign"].client().get(url + "persons/", {"q": "Yilm"}).status_code == 404
    for number in (foreign.pk, "abc"):
        response = client.post(url, {"person": number, "start": today().isoformat(),
                                     "reason": "arrival"}, **EN)
        assert response.status_code == 200
        assert response.context["form"].errors["person"] == [
            "There is no person with this number."]
    with scope(municipality=herne):
        assert not Stay.objects.filter(person=foreign).exists()


@pytest.mark.parametrize("recorded_as", ["flag", "vulnerability"])
def test_uma_block_is_a_form_error(personas, housing, soest, recorded_as):
    """Either record of an unaccompanied minor blocks: the person's flag or the
    vulnerability "uma" that case work records."""
    with scope(municipality=soest):
        minor = PersonFactory(municipality=soest, unaccompanied_minor=recorded_as == "flag",
                              birth_date=today().replace(year=today().year - 15, day=1))
        if recorded_as == "vulnerability":
            Vulnerability.objects.create(municipality=soest, person=minor, kind="uma")
    response = personas["housing"].client().post(
        f"/soest/housing/places/{housing['places'][1].pk}/move-in/",
        {"person": minor.pk, "start": today().isoformat(), "reason": "arrival"}, **EN)
    assert response.status_code == 200
    assert "can never be placed in shared accommodation" in response.content.decode()
    with scope(municipality=soest):
        assert not Stay.objects.filter(person=minor).exists()


def test_move_out_and_move_through_the_pages(personas, housing, soest):
    client = personas["housing"].client()
    stay = housing["stay"]
    move = {"place": housing["flat_places"][0].pk,
            "on": (today() - datetime.timedelta(days=5)).isoformat(), "reason": "phase_change"}
    refused = client.post(f"/soest/housing/stays/{stay.pk}/move/", move, **EN)
    assert ("Wohnhaus Süd – Wohnung 1 is meant for families and does not suit Haddad, "
            "Omar&#x27;s household") in refused.content.decode()
    response = client.post(f"/soest/housing/stays/{stay.pk}/move/",
                           {**move, "override_reason": "Nur bis Zimmer frei"}, **EN)
    assert response.status_code == 302
    with scope(municipality=soest):
        new = Stay.objects.get(person=housing["resident"], end=None)
    assert new.note == "Exception from the target group: Nur bis Zimmer frei"
    assert client.get(f"/soest/housing/stays/{stay.pk}/move/").status_code == 404  # ended
    bad = client.post(f"/soest/housing/stays/{new.pk}/move-out/",
                      {"on": "2000-01-01", "reason": "own_flat"}, **EN)
    assert "The move-out must be after the move-in" in bad.content.decode()
    assert client.post(f"/soest/housing/stays/{new.pk}/move-out/",
                       {"on": today().isoformat(), "reason": "own_flat"}).status_code == 302


def test_facility_unit_block_and_count_forms(personas, housing, soest):
    client = personas["housing"].client()
    clash = client.post("/soest/housing/facilities/new/", {
        "name": "Doppelt", "code": "wald", "kind": "phase1", "target_use": "families"}, **EN)
    assert "Another facility already has the code wald." in clash.content.decode()
    assert client.post("/soest/housing/facilities/new/", {
        "name": "Schwarzer Weg", "code": "SW", "kind": "phase2",
        "target_use": "mixed"}).status_code == 302
    with scope(municipality=soest):
        new = Facility.objects.get(code="SW")
    assert client.post(f"/soest/housing/facilities/{new.pk}/units/new/",
                       {"name": "Haus 1 Whg 1", "places": 4}).status_code == 302
    unit_url = f"/soest/housing/units/{housing['room'].pk}/edit/"
    assert client.post(unit_url, {"name": "Zimmer 1", "places": 2}).status_code == 302
    with scope(municipality=soest):
        assert Unit.objects.get(facility=new).places.count() == 4
        assert sorted(housing["room"].places.values_list("label", flat=True)) == [
            "1", "2", "3", "4", "5"]
    occupied = client.post(f"/soest/housing/places/{housing['places'][0].pk}/block/",
                           {"blocked": "on", "blocked_reason": "Schimmel"}, **EN)
    assert "The place is occupied" in occupied.content.decode()
    no_reason = client.post(f"/soest/housing/places/{housing['places'][1].pk}/block/",
                            {"blocked": "on"}, **EN)
    assert "Give the reason for blocking the place." in no_reason.content.decode()
    count_url = f"/soest/housing/facilities/{housing['state'].pk}/counts/new/"
    assert client.post(count_url, {"date": "2024-12-31", "persons": 80}).status_code == 302
    twice = client.post(count_url, {"date": "2024-12-31", "persons": 81}, **EN)
    assert "There is already a count for this date." in twice.content.decode()
    with scope(municipality=soest):
        assert StateFacilityCount.objects.filter(facility=housing["state"]).count() == 2
        assert client.get(f"/soest/housing/facilities/{housing['phase1'].pk}/counts/new/") \
            .status_code == 404


def test_incident_log_is_audited_and_redacted(personas, housing, soest):
    client = personas["caseworker"].client()
    url = f"/soest/housing/facilities/{housing['phase1'].pk}/incidents/"
    assert "Streit im Flur" in get(client, url)
    response = client.post(url + "new/", {
        "occurred_at": "2024-05-01T22:30", "kind": "conflict", "reported_by": "Hausmeister",
        "description": "Lautstarker Streit", "measures": "Gespräch"})
    assert response.status_code == 302
    with scopes_disabled():
        reads = AuditEntry.objects.filter(action="read", model="housing.facility")
        created = AuditEntry.objects.get(action="create", model="housing.incident",
                                         object_id=str(Incident.objects.latest("pk").pk))
    assert reads.count() == 1 and reads.get().changes["fields"] == ["incidents"]
    assert "Lautstarker" not in str(created.changes)
    future = client.post(url + "new/", {"occurred_at": "2199-01-01T00:00", "kind": "other",
                                        "description": "x"}, **EN)
    assert "An incident cannot lie in the future." in future.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def grow(soest, housing, n):
    """n more rooms of 3 places, two residents each, in Phase I."""
    with scope(municipality=soest):
        for i in range(n):
            unit = UnitFactory(facility=housing["phase1"])
            places = [PlaceFactory(unit=unit, label=str(k)) for k in range(3)]
            for place in places[:2]:
                StayFactory(place=place, start=today() - datetime.timedelta(days=200 + i))


@pytest.mark.parametrize("persona", ["housing", "caseworker"])
def test_queries_do_not_grow_with_the_places(personas, housing, soest, persona):
    client = personas[persona].client()
    urls = ["/soest/housing/", f"/soest/housing/facilities/{housing['phase1'].pk}/",
            "/soest/housing/hints/", "/soest/housing/fehlbeleger/",
            f"/soest/housing/facilities/{housing['phase1'].pk}/incidents/",
            f"/soest/housing/places/{housing['places'][1].pk}/move-in/?q=Test"]
    if persona == "caseworker":
        urls.pop()
    grow(soest, housing, 2)
    small = {url: count_queries(client, url) for url in urls}
    grow(soest, housing, 12)
    assert {url: count_queries(client, url) for url in urls} == small
    with scope(municipality=soest):
        assert Place.objects.count() == 5 + 14 * 3
    assert small[f"/soest/housing/facilities/{housing['phase1'].pk}/"] <= 16


def test_start_page_card_for_housing_officers(personas, housing):
    text = get(personas["housing"].client(), "/soest/")
    assert "Free places" in text and "4 free places today" in text  # 2 + 2
    assert "Free places" not in get(personas["caseworker"].client(), "/soest/")
