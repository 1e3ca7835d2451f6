"""The citizenship picker of the person form: country names in German and English are
suggested, ISO codes are stored, several may be chosen; the endpoint answers only with the
form's permission in the own town; what was typed is checked again on the server."""

from django_scopes import scope

from kim.people.models import Person

URL = "/soest/persons/countries/"


def _results(client, q, **headers):
    response = client.get(URL, {"q": q}, **headers)
    assert response.status_code == 200
    return response.json()["results"]


def test_names_are_suggested_in_german_and_english_codes_are_the_ids(personas, soest):
    client = personas["caseworker"].client()
    assert _results(client, "syri") == [{"id": "SY", "label": "Syrien"}]
    assert _results(client, "syria") == [{"id": "SY", "label": "Syrien"}]  # English name
    assert _results(client, "türk")[0] == {"id": "TR", "label": "Türkei"}
    assert _results(client, "iran") == [{"id": "IR", "label": "Iran"}]
    # names that begin with the text come first
    assert [r["id"] for r in _results(client, "ira")][:2] == ["IQ", "IR"]
    assert _results(client, "staatenlos") == [{"id": "XX", "label": "staatenlos oder unbekannt"}]
    assert _results(client, "stateless", HTTP_ACCEPT_LANGUAGE="en") == [
        {"id": "XX", "label": "stateless or unknown"}]
    assert _results(client, "x") == []  # one letter is no search


def test_the_endpoint_needs_the_person_form_permission(personas, soest):
    assert personas["school_office"].client().get(URL, {"q": "syr"}).status_code == 403
    assert personas["foreign"].client().get(URL, {"q": "syr"}).status_code == 404
    assert personas["anonymous"].client().get(URL, {"q": "syr"}).status_code == 302


def test_names_and_codes_are_stored_as_codes_unknown_ones_are_a_form_error(personas, soest):
    client = personas["caseworker"].client()
    person = {"family_name": "Rahimi", "given_names": "Omid", "birth": "1994", "sex": "m",
              "confirm_new": "1"}
    response = client.post("/soest/persons/new/",
                           {**person, "citizenship_codes": "Afghanistan, tr"})
    assert response.status_code == 302
    with scope(municipality=soest):
        saved = Person.objects.get(family_name="Rahimi")
    assert saved.citizenships == ["AF", "TR"]
    page = client.get(f"/soest/persons/{saved.pk}/edit/").content.decode()
    assert (f'data-picker-url="{URL}"' in page
            and "data-picker-chosen=\"[{&quot;id&quot;: &quot;AF&quot;, &quot;label&quot;: "
                "&quot;Afghanistan&quot;}, {&quot;id&quot;: &quot;TR&quot;, &quot;label&quot;: "
                "&quot;T\\u00fcrkei&quot;}]\"" in page)
    response = client.post(f"/soest/persons/{saved.pk}/edit/",
                           {**person, "citizenship_codes": "SY, Atlantis"})
    assert response.status_code == 200
    assert response.context["form"].errors["citizenship_codes"] == [
        "Atlantis ist kein Staat, den kim kennt. Wählen Sie ihn aus den Vorschlägen oder "
        "geben Sie den ISO-Code an, z. B. SY."]
    with scope(municipality=soest):
        assert Person.objects.get(pk=saved.pk).citizenships == ["AF", "TR"]
