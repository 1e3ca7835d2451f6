"""The operator console and a report export in the background, in a real browser: each
page checked with axe."""

from django_scopes import scope, scopes_disabled
from playwright.sync_api import expect

from kim.core.models import Job, Municipality, User
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.core.jobs import work_off_queue
from tests.people.factories import PersonFactory


def test_operator_sets_up_and_deactivates_a_municipality(page, personas):
    User.objects.create_user("betrieb", password=PASSWORD, is_superuser=True)
    log_in(page, "betrieb", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Plattformbetrieb")
    assert axe_violations(page) == [], "console"
    page.get_by_role("link", name="Kommune einrichten").click()
    assert axe_violations(page) == [], "form"
    page.get_by_label("Name").first.fill("Stadt Lippstadt")
    page.get_by_label("Kurzname").fill("lippstadt")
    page.get_by_label("Amtlicher Gemeindeschlüssel (AGS)").fill("99974028")
    page.get_by_label("Benutzername der ersten Administration").fill("m.weber")
    page.get_by_label("Startpasswort").fill("Kim-Start-2026-x!")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Der AGS beginnt mit dem Schlüssel eines Landes")).to_be_visible()
    assert axe_violations(page) == [], "form with error"
    page.get_by_label("Amtlicher Gemeindeschlüssel (AGS)").fill("05974028")
    page.get_by_label("Startpasswort").fill("Kim-Start-2026-x!")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stadt Lippstadt")
    assert axe_violations(page) == [], "municipality"
    page.get_by_role("button", name="Kommune deaktivieren").click()
    expect(page.get_by_text("Stadt Lippstadt ist deaktiviert")).to_be_visible()
    assert not Municipality.objects.get(slug="lippstadt").is_active


def test_report_export_in_the_background(page, personas, soest, settings):
    settings.KIM_REPORT_BACKGROUND_RECORDS = 1
    with scope(municipality=soest):
        PersonFactory(municipality=soest)
    log_in(page, "admin-soest", PASSWORD)
    page.goto("/soest/reports/users_by_role/?as_of=2026-01-31")
    assert axe_violations(page) == [], "report page"
    page.get_by_role("link", name="PDF").click()
    expect(page.get_by_text("Der Auftrag wartet, bis er an der Reihe ist.")).to_be_visible()
    assert axe_violations(page) == [], "waiting"  # no timed meta refresh: it polls
    work_off_queue()
    # the page follows the job by itself and shows the result once it has ended
    expect(page.get_by_role("link", name="PDF-Datei herunterladen")).to_be_visible(
        timeout=15_000)
    assert axe_violations(page) == [], "job done"
    with scopes_disabled():
        assert Job.objects.get().status == Job.Status.DONE
