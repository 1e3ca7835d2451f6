"""Input paths of the volunteers module: each refusal names its field or entry, and a
refused form writes nothing."""

import pytest
from django_scopes import scope

from kim.volunteers.forms import parse_languages
from kim.volunteers.models import Offer, Request, Volunteer
from tests.volunteers.conftest import request_for
from tests.volunteers.factories import MatchFactory

VOLUNTEER = {"first_name": "Dora", "family_name": "Neu", "languages_text": "ar:c1, de:native",
             "skills": ["homework"], "roles": ["pate"], "capacity": "2",
             "slots": ["mon-pm", "sat-am"], "consent_on": "2025-01-02",
             "consent_scope": "Kontaktdaten", "joined_on": "2025-01-02"}


def test_parse_languages():
    assert parse_languages("ar:C1, fa ; de:NATIVE\nti:b1") == {
        "ar": "C1", "fa": "", "de": "native", "ti": "B1"}
    assert parse_languages("") == {}


@pytest.mark.parametrize(("text", "message"), [
    ("ar:C1, arabisch", "Eintrag 2 („arabisch“): Eine Sprache ist ein ISO-Kürzel wie ar, "
                        "fa oder ti."),
    ("ar:C3", "Eintrag 1 („ar:C3“): Das Niveau muss A1, A2, B1, B2, C1, C2 oder native "
              "(Muttersprache) sein."),
    ("ar, fa, AR:B1", "Eintrag 3: Die Sprache ar ist doppelt angegeben."),
])
def test_volunteer_languages_refused_with_the_entry(pool, personas, text, message):
    response = personas["volunteer_coordinator"].client().post(
        "/soest/volunteers/new/", {**VOLUNTEER, "languages_text": text})
    assert response.status_code == 200
    assert response.context["form"].errors == {"languages_text": [message]}
    with scope(municipality=pool.municipality):
        assert not Volunteer.objects.filter(first_name="Dora").exists()


def test_volunteer_created_and_edited(pool, personas):
    client = personas["volunteer_coordinator"].client()
    response = client.post("/soest/volunteers/new/", {**VOLUNTEER, "any_district": "on",
                                                      "working_groups": [pool.bildung.pk]})
    assert response.status_code == 302
    with scope(municipality=pool.municipality):
        dora = Volunteer.objects.get(first_name="Dora")
        assert (dora.languages, dora.slots, dora.capacity, dora.any_district) == (
            {"ar": "C1", "de": "native"}, ["mon-pm", "sat-am"], 2, True)
        assert list(dora.working_groups.all()) == [pool.bildung]
    page = client.get(f"/soest/volunteers/{dora.pk}/edit/").content.decode()
    assert 'value="ar:C1, de:native"' in page


def test_volunteer_form_cross_checks(pool, personas):
    response = personas["volunteer_coordinator"].client().post("/soest/volunteers/new/", {
        **VOLUNTEER, "any_district": "on", "districts": [pool.mitte.pk],
        "left_on": "2024-12-31", "capacity": "99", "slots": ["fri-night"]})
    errors = response.context["form"].errors
    assert set(errors) == {"districts", "left_on", "capacity", "slots"}
    assert errors["districts"] == ["Entweder alle Stadtteile oder ausgewählte Stadtteile, "
                                   "nicht beides."]
    assert errors["left_on"] == ["Der Tag des Ausscheidens liegt vor dem Beginn."]


def test_consent_is_required(pool, personas):
    response = personas["volunteer_coordinator"].client().post(
        "/soest/volunteers/new/", {**VOLUNTEER, "consent_on": "", "consent_scope": ""})
    assert set(response.context["form"].errors) == {"consent_on", "consent_scope"}


def test_request_needs_a_time_and_a_requirement(pool, personas):
    response = personas["volunteer_coordinator"].client().post(
        "/soest/volunteers/requests/new/", {"description": "Hilfe", "created_on": "2025-01-02"})
    errors = response.context["form"].errors
    assert errors == {"slots": ["Bitte wählen Sie mindestens eine Zeit."]}
    response = personas["volunteer_coordinator"].client().post(
        "/soest/volunteers/requests/new/", {"description": "Hilfe", "slots": ["mon-am"],
                                            "created_on": "2025-01-02"})
    assert response.context["form"].non_field_errors() == [
        "Bitte nennen Sie mindestens einen Bedarf, eine Sprache oder einen Stadtteil."]
    with scope(municipality=pool.municipality):
        assert not Request.objects.exists()


def test_caseworker_request_for_a_household(pool, personas):
    client = personas["caseworker"].client()
    data = {"skill": "homework", "language": "ar", "slots": ["mon-pm"],
            "description": "Lernhilfe", "created_on": "2025-01-02"}
    response = client.post("/soest/volunteers/my-requests/new/",
                           {**data, "household_number": "999999"})
    assert response.context["form"].errors == {
        "household_number": ["Es gibt keinen Haushalt mit der Nummer 999999."]}
    response = client.post("/soest/volunteers/my-requests/new/",
                           {**data, "household_number": str(pool.household.pk)})
    assert response.status_code == 302
    with scope(municipality=pool.municipality):
        req = Request.objects.get()
        assert (req.household, req.created_by, req.status) == (
            pool.household, personas["caseworker"].user, "open")
    assert f"Anfrage Nr. {req.pk}" in client.get("/soest/volunteers/my-requests/").content.decode()


def test_offer_form(pool, personas):
    client = personas["volunteer_coordinator"].client()
    response = client.post("/soest/volunteers/offers/new/", {
        "name": "Schach", "category": "nonsense", "provider": "Schachclub",
        "languages": ["xx"], "website": "not a url"})
    assert set(response.context["form"].errors) == {"category", "languages", "website"}
    response = client.post("/soest/volunteers/offers/new/", {
        "name": "Schach", "category": "club", "provider": "Schachclub", "languages": ["ar"],
        "district": pool.mitte.pk, "public": "on", "website": "schach.example.org"})
    assert response.status_code == 302
    with scope(municipality=pool.municipality):
        offer = Offer.objects.get(name="Schach")
        assert (offer.languages, offer.website) == (["ar"], "https://schach.example.org")


def test_times_are_shown_in_weekly_order(pool, personas):
    req = request_for(pool, slots=["sun-eve", "mon-am", "wed-pm"])
    page = personas["coordinator"].client().get(f"/soest/volunteers/requests/{req.pk}/")
    assert page.context["slots"] == ["Montag vormittags", "Mittwoch nachmittags",
                                     "Sonntag abends"]


def test_a_volunteer_with_open_assignments_cannot_leave(pool, personas):
    with scope(municipality=pool.municipality):
        MatchFactory(request=request_for(pool), volunteer=pool.bernd)
    client = personas["volunteer_coordinator"].client()
    data = {**VOLUNTEER, "first_name": "Bernd", "family_name": "Probe", "any_district": "on",
            "joined_on": "2024-01-10", "left_on": "2025-06-30"}
    response = client.post(f"/soest/volunteers/{pool.bernd.pk}/edit/", data)
    assert response.context["form"].errors == {
        "left_on": ["Beenden Sie zuerst die offenen Einsätze dieser ehrenamtlichen Person: 1."]}
    with scope(municipality=pool.municipality):
        assert Volunteer.objects.get(pk=pool.bernd.pk).left_on is None
