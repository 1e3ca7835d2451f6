"""Data protection pages in a real browser: role requests and their approval, the audit
log, retention and the deletion log, the access export, aggregate reports on reference
dates – each checked with axe-core."""

import datetime
import io

import pytest
from django.core.management import call_command
from django_scopes import scope
from playwright.sync_api import expect

from kim.core.domain.grants import request_roles
from kim.core.models import Membership, Role
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD, make_member
from tests.people.factories import PersonFactory, StatusFactory


@pytest.fixture
def scene(personas, soest):
    """A second admin asked for the caseworker role for the benefits officer; a person who
    moved away long ago (retention has run once)."""
    second = make_member(soest, "admin2-soest", "admin")
    with scope(municipality=soest):
        member = Membership.objects.get(user=personas["benefits"].user)
        caseworker = Role.objects.get(builtin="caseworker")
        request_roles(member, [*member.roles.all(), caseworker], second.user)
        person = StatusFactory(person=PersonFactory(municipality=soest, family_name="Haddad",
                                                    moved_away_date=datetime.date(2010, 1, 1)),
                               code="refugee", valid_from=datetime.date(2009, 4, 10)).person
        current = StatusFactory(person=PersonFactory(municipality=soest, family_name="Nasser"),
                                code="gestattung", valid_from=datetime.date(2024, 4, 10)).person
    call_command("retention", "run", stdout=io.StringIO())
    return {"member": member, "person": person, "current": current}


def test_admin_pages_pass_axe_and_a_second_admin_approves(page, scene):
    log_in(page, "admin-soest", PASSWORD)
    for url in ("/soest/admin/users/", "/soest/admin/users/grants/",
                f"/soest/admin/users/{scene['member'].pk}/", "/soest/admin/retention/",
                "/soest/admin/audit/", "/soest/admin/audit/?model=people.person"):
        page.goto(url)
        assert axe_violations(page) == [], url
    page.goto("/soest/admin/users/grants/")
    page.get_by_role("link", name="Entscheiden").click()
    assert axe_violations(page) == [], "decision page"
    page.get_by_role("button", name="Zustimmen").click()
    expect(page.get_by_role("status")).to_contain_text("Genehmigt")
    expect(page.get_by_role("table").first).to_contain_text("genehmigt")


def test_requester_sees_that_someone_else_must_approve(page, scene):
    log_in(page, "admin2-soest", PASSWORD)
    page.goto("/soest/admin/users/grants/")
    page.get_by_role("link", name="Entscheiden").click()
    expect(page.get_by_role("button", name="Zustimmen")).to_have_count(0)
    expect(page.get_by_role("button", name="Anfrage zurückziehen")).to_be_visible()
    assert axe_violations(page) == []


def test_access_export_page_passes_axe_and_downloads_a_zip(page, scene):
    log_in(page, "caseworker-soest", PASSWORD)
    person = scene["current"]
    page.goto(f"/soest/persons/{person.pk}/")
    page.get_by_role("link", name="Auskunft (Art. 15 DSGVO)").click()
    assert axe_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Auskunft erstellen (ZIP)").click()
    assert download.value.suggested_filename.endswith(".zip")
    page.goto(f"/soest/persons/{scene['person'].pk}/")  # anonymised: says so
    expect(page.get_by_text("Anonymisiert am")).to_be_visible()
    assert axe_violations(page) == []


def test_steering_report_form_offers_month_ends(page, scene):
    log_in(page, "steering-soest", PASSWORD)
    page.goto("/soest/reports/benefit_recipients/?as_of=2019-01-24")
    expect(page.get_by_role("alert")).to_be_visible()
    assert axe_violations(page) == [], "refused date"
    page.get_by_label("Stichtag:").select_option("2019-01-31")
    page.get_by_role("button", name="Anzeigen").click()
    expect(page.locator("table.report-table")).to_be_visible()
    assert axe_violations(page) == [], "report on a month end"
