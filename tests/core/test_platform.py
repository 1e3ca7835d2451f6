"""The platform operator's console (issue 13 item 2): municipalities with users, storage
and last activity, health, setting a municipality up and switching it off – for the
operator only, and never with case data."""

import pytest
from django.test import Client
from django_scopes import scope, scopes_disabled

from kim.api.tokens import issue
from kim.core.models import AuditEntry, Membership, Municipality, Role, User
from tests.conftest import PASSWORD
from tests.core.test_permissions import ALL_PERSONAS
from tests.people.factories import PersonFactory

CONSOLE = "/platform/"
NEW = "/platform/municipalities/new/"
GOOD = {"name": "Stadt Lippstadt", "slug": "lippstadt", "ags": "05974028",
        "admin_username": "m.weber", "admin_first_name": "Maren",
        "admin_last_name": "Weber", "admin_email": "", "admin_password": "Kim-Start-2026-x!"}


@pytest.fixture
def operator(db):
    return User.objects.create_user("betrieb", password=PASSWORD, is_superuser=True)


@pytest.fixture
def console(operator):
    client = Client()
    client.force_login(operator)
    return client


def urls(town):
    return [CONSOLE, NEW, f"/platform/municipalities/{town.pk}/"]


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_everyone_but_the_operator_is_refused(personas, soest, persona):
    client = personas[persona].client()
    for url in urls(soest):
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith("/accounts/login/?next="), url
        else:
            assert response.status_code == 403, url
    if persona != "anonymous":
        assert client.post(NEW, GOOD).status_code == 403
        assert client.post(urls(soest)[2], {"active": "0"}).status_code == 403
        assert Municipality.objects.get(pk=soest.pk).is_active
        assert not Municipality.objects.filter(slug="lippstadt").exists()


def test_the_operators_start_page_is_the_console(console, personas):
    response = console.get("/", follow=True)
    assert response.redirect_chain == [(CONSOLE, 302)]
    page = response.content.decode()
    assert "Soest" in page and "Herne" in page


def test_console_counts_users_records_and_last_activity(console, personas, soest, herne):
    with scope(municipality=soest):
        PersonFactory.create_batch(3, municipality=soest)
    rows = {r.municipality.slug: r for r in console.get(CONSOLE).context["towns"]}
    # personas: one member per default role in Soest, one caseworker in Herne
    assert (rows["soest"].users, rows["soest"].active_users) == (9, 9)
    assert (rows["herne"].users, rows["herne"].active_users) == (1, 1)
    assert dict(rows["soest"].rows_by_model)["Personen"] == 3
    assert "Personen" not in dict(rows["herne"].rows_by_model)
    assert rows["soest"].rows > rows["herne"].rows
    with scopes_disabled():
        last = AuditEntry.objects.filter(municipality=soest).latest("timestamp").timestamp
    assert rows["soest"].last_activity == last
    health = {c.label: c.ok for c in console.get(CONSOLE).context["health"]}
    assert list(health) == ["Datenbank", "Datenbankmigrationen", "Hintergrundaufträge",
                            "Freier Speicherplatz"]
    assert health["Datenbank"] and health["Datenbankmigrationen"]
    assert health["Hintergrundaufträge"]  # nothing waits


def test_console_pages_show_no_person(console, soest):
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest, family_name="Quarzlinger",
                               given_names="Ottokar")
    for url in urls(soest):
        page = console.get(url).content.decode()
        assert console.get(url).status_code == 200
        assert person.family_name not in page and person.given_names not in page, url


def test_setting_up_a_municipality_with_its_first_administrator(console):
    response = console.post(NEW, GOOD)
    town = Municipality.objects.get(slug="lippstadt")
    assert response.status_code == 302
    assert response["Location"] == f"/platform/municipalities/{town.pk}/"
    assert (town.name, town.ags, town.is_active) == ("Stadt Lippstadt", "05974028", True)
    with scopes_disabled():
        membership = Membership.objects.get(municipality=town)
        assert membership.user.username == "m.weber@lippstadt"
        assert membership.user.must_change_password
        assert [r.builtin for r in membership.roles.all()] == ["admin"]
        assert Role.objects.filter(municipality=town).count() == 9
    assert Client().post("/accounts/login/", {"username": "m.weber@lippstadt",
                                              "password": GOOD["admin_password"]}
                         ).status_code == 302


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"ags": "1234567"}, "ags", "Der AGS hat genau 8 Ziffern."),
    ({"ags": "99123456"}, "ags", "Der AGS beginnt mit dem Schlüssel eines Landes (01 bis 16)."),
    ({"ags": "05974040"}, "ags", "Es gibt bereits eine Kommune mit diesem AGS."),
    ({"slug": "platform"}, "slug", "Dieser Kurzname ist von kim reserviert."),
    ({"slug": "soest"}, "slug", "Kommune mit diesem Wert für das Feld Kurzname existiert bereits."),
    ({"admin_password": "kurz"}, "admin_password", "Dieses Passwort ist zu kurz."),
])
def test_a_bad_field_is_named_and_nothing_is_written(console, soest, change, field, message):
    before = (Municipality.objects.count(), User.objects.count())
    response = console.post(NEW, {**GOOD, **change}, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert (Municipality.objects.count(), User.objects.count()) == before


def test_deactivating_stops_login_and_api_and_keeps_the_data(console, personas, soest):
    member = personas["caseworker"].user
    with scope(municipality=soest):
        PersonFactory(municipality=soest)
        token = issue(member, soest, name="t").raw
    detail = urls(soest)[2]
    response = console.post(detail, {"active": "0"})
    assert response.status_code == 302
    assert not Municipality.objects.get(pk=soest.pk).is_active
    with scopes_disabled():
        entry = AuditEntry.objects.filter(model="core.municipality", action="update").last()
        assert entry.actor_name == "betrieb"
        assert entry.changes["is_active"] == [True, False]
        assert Membership.objects.filter(municipality=soest).count() == 9

    refused = Client().post("/accounts/login/", {"username": member.username,
                                                 "password": PASSWORD})
    assert refused.status_code == 200
    assert "Der Zugang zu kim ist für Ihre Kommune abgeschaltet." in refused.content.decode()
    assert personas["caseworker"].client().get("/soest/").status_code == 404
    api = Client().get("/api/v1/soest/persons/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.status_code == 404
    foreign = Client().post("/accounts/login/", {"username": "caseworker-herne",
                                                 "password": PASSWORD})
    assert foreign.status_code == 302  # Herne is not affected

    console.post(detail, {"active": "1"})
    assert Municipality.objects.get(pk=soest.pk).is_active
    assert Client().post("/accounts/login/", {"username": member.username,
                                              "password": PASSWORD}).status_code == 302
    with scope(municipality=soest):
        assert personas["caseworker"].client().get("/soest/").status_code == 200
