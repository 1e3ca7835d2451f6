"""The foundation in a real browser: login, navigation, language, logout, 404, axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD


def test_caseworker_logs_in_navigates_switches_language_and_logs_out(page, personas):
    page.goto("/soest/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/soest/"))
    log_in(page, "caseworker-soest", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Startseite Fallarbeit")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    expect(nav.get_by_role("link")).to_have_text(
        ["Start", "Personen", "Fallarbeit", "Fristen", "Unterbringung", "Quote", "Kurse",
         "Handlungskonzept", "Willkommensordner", "Meine Ehrenamtsanfragen", "Monitoring",
         "Berichte"])
    expect(nav.get_by_role("link", name="Start")).to_have_attribute("aria-current", "page")

    page.get_by_role("link", name="Passwort ändern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Passwort ändern")

    page.get_by_label("Sprache", exact=True).select_option("en")
    page.get_by_role("button", name="Sprache wechseln").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change password")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto("/soest/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Start page case work")

    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.goto("/soest/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_admin_sees_administration_and_creates_a_user(page, personas):
    log_in(page, "admin-soest", PASSWORD)
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    nav.get_by_role("link", name="Benutzer/innen").click()
    page.get_by_role("link", name="Benutzer/in anlegen").click()
    page.get_by_label("Benutzername").fill("neu.kollegin")
    page.get_by_label("Startpasswort").fill("kurz")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("alert")).to_contain_text("Bitte korrigieren")
    page.get_by_label("Startpasswort").fill("Ein-langes-Startpasswort-5")
    page.get_by_label("Fallarbeit (Integrationsteam)").check()
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status")).to_contain_text("neu.kollegin@soest wurde angelegt")
    expect(page.get_by_role("table")).to_contain_text("neu.kollegin")


def test_foreign_municipality_url_shows_404(page, personas):
    log_in(page, "caseworker-herne", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Startseite Fallarbeit")
    response = page.goto("/soest/")
    assert response.status == 404
    response = page.goto("/soest/admin/users/")
    assert response.status == 404


PAGES = {
    "caseworker": ["/soest/", "/soest/persons/", "/soest/persons/?q=Haddad",
                   "/soest/persons/new/", "/soest/persons/import/", "/soest/persons/deadlines/",
                   "/soest/persons/deadlines/?responsible=me", "/soest/casework/",
                   "/soest/reports/"],
    "school_office": ["/soest/", "/soest/persons/children/"],
    "admin": ["/soest/", "/soest/admin/users/", "/soest/admin/users/new/",
              "/soest/admin/roles/", "/soest/admin/roles/new/", "/soest/admin/audit/",
              "/accounts/password/"],
    "steering": ["/soest/", "/soest/reports/"],
}


@pytest.mark.parametrize("persona", list(PAGES))
def test_accessibility_audit_finds_no_serious_violations(page, personas, persona, soest):
    import datetime

    from django_scopes import scope

    from tests.people.factories import PersonFactory, StatusFactory

    with scope(municipality=soest):
        person = StatusFactory(person=PersonFactory(municipality=soest, family_name="Haddad"),
                               code="refugee", valid_from=datetime.date(2024, 4, 10)).person
        child = PersonFactory(municipality=soest, family_name="Haddad", given_names="Lina",
                              birth_date=datetime.date.today() - datetime.timedelta(days=3000))
    per_person = {"caseworker": [f"/soest/persons/{person.pk}/",
                                 f"/soest/casework/persons/{person.pk}/"],
                  "school_office": [f"/soest/persons/children/{child.pk}/"]}
    page.goto("/accounts/login/")
    assert axe_violations(page) == []
    log_in(page, f"{persona}-soest", PASSWORD)
    urls = PAGES[persona] + per_person.get(persona, [])
    for url in urls:
        page.goto(url)
        assert axe_violations(page) == [], url
    page.goto("/soest/admin/users/new/" if persona == "admin" else "/accounts/password/")
    page.get_by_role("button", name=re.compile("Speichern|Passwort ändern")).click()
    assert axe_violations(page) == [], "form with errors"
