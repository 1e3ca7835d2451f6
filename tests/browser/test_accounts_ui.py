"""Accounts in a real browser: setting up the second factor, logging in with it, the
waiting page of the login throttle, identity changes of shared accounts – each page
checked with axe."""

import re

from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scope
from playwright.sync_api import expect

from kim.core.domain.municipalities import ensure_default_roles
from kim.core.models import Membership, User
from tests.browser.conftest import axe_violations, code_from_secret, log_in
from tests.conftest import PASSWORD, make_member, totp_code


def test_caseworker_sets_up_the_app_and_logs_in_with_it(page, personas):
    page.goto("/accounts/login/")
    page.get_by_label("Benutzername").fill("caseworker-soest")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zweiten Faktor einrichten")
    expect(page.get_by_role("img", name="QR-Code für die Authenticator-App")).to_be_visible()
    assert axe_violations(page) == [], "setup"
    page.get_by_label("Code aus der App").fill("000000")
    page.get_by_role("button", name="Bestätigen und weiter").click()
    expect(page.get_by_role("alert")).to_contain_text("Der Code stimmt nicht")
    assert axe_violations(page) == [], "setup with error"
    secret = page.locator("code.secret").inner_text()
    page.get_by_label("Code aus der App").fill(code_from_secret(secret))
    page.get_by_role("button", name="Bestätigen und weiter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihre Wiederherstellungscodes")
    expect(page.locator("ol.codes li")).to_have_count(10)
    assert axe_violations(page) == [], "recovery codes"
    page.get_by_role("link", name="Ich habe die Codes aufbewahrt – weiter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Startseite Fallarbeit")
    page.get_by_role("link", name="Sicherheit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sicherheit Ihres Kontos")
    assert axe_violations(page) == [], "security"
    page.get_by_role("button", name="Abmelden").click()

    page.goto("/accounts/login/")
    page.get_by_label("Benutzername").fill("caseworker-soest")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmeldung bestätigen")
    assert axe_violations(page) == [], "verify"
    device = TOTPDevice.objects.get(user=personas["caseworker"].user, confirmed=True)
    page.get_by_label("Code", exact=True).fill(totp_code(device))
    page.get_by_role("button", name="Bestätigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Startseite Fallarbeit")


def test_the_throttle_page_says_how_long_to_wait(page, personas):
    for _ in range(5):
        page.goto("/accounts/login/")
        page.get_by_label("Benutzername").fill("housing-soest")
        page.get_by_label("Passwort").fill("falsch-falsch")
        page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Zu viele fehlgeschlagene Versuche")
    expect(page.get_by_role("alert")).to_contain_text("in 30 Sekunden erneut")
    assert axe_violations(page) == []


def test_identity_change_pages_of_a_shared_account(page, personas, soest, herne):
    shared = personas["foreign"].user
    with scope(municipality=soest):
        member = Membership.objects.create(municipality=soest, user=shared)
        member.roles.set([ensure_default_roles(soest)["school_office"]])
    make_member(herne, "admin-herne", "admin")
    log_in(page, "admin-soest", PASSWORD)
    page.goto(f"/soest/admin/users/{member.pk}/")
    expect(page.locator(".notice")).to_contain_text("arbeitet auch für andere Kommunen")
    assert axe_violations(page) == [], "edit shared"
    page.get_by_role("link", name="Zweiten Faktor zurücksetzen").click()
    assert axe_violations(page) == [], "reset second factor"
    page.get_by_role("button", name="Zurücksetzen beantragen").click()
    expect(page.get_by_role("status")).to_contain_text("Die Änderung wurde beantragt")
    page.goto("/soest/admin/users/identity/")
    expect(page.get_by_role("table")).to_contain_text("Zurücksetzen des zweiten Faktors")
    assert axe_violations(page) == [], "identity list"
    page.get_by_role("button", name="Abmelden").click()

    log_in(page, "admin-herne", PASSWORD)
    page.goto("/herne/admin/users/identity/")
    page.get_by_role("link", name=re.compile("Entscheiden")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Über eine Identitätsänderung entscheiden")
    assert axe_violations(page) == [], "decide"
    page.get_by_role("button", name="Zustimmen").click()
    expect(page.get_by_role("status")).to_contain_text("Die Änderung an")


def test_operator_pages(page, personas, soest, herne):
    shared = personas["foreign"].user
    with scope(municipality=soest):
        member = Membership.objects.create(municipality=soest, user=shared)
    personas["admin"].client().post(f"/soest/admin/users/{member.pk}/two-factor/")
    User.objects.create_user("betrieb", password=PASSWORD, is_superuser=True)
    log_in(page, "betrieb", PASSWORD)  # the operator always sets up a second factor
    expect(page.get_by_role("heading", level=1)).to_have_text("Plattformbetrieb")
    assert axe_violations(page) == [], "operator home"
    page.get_by_role("link", name="Offene Identitätsänderungen gemeinsamer Konten").click()
    assert axe_violations(page) == [], "operator list"
    page.get_by_role("link", name=re.compile("Entscheiden")).click()
    assert axe_violations(page) == [], "operator decide"
    page.get_by_role("button", name="Zustimmen und ausführen").click()
    expect(page.get_by_role("status")).to_contain_text("wurde ausgeführt")
