"""Accessibility audit (axe-core) of the volunteers pages on the demo pool, and the
coordinator confirming a proposal in the browser."""

from django_scopes import scope

from kim.volunteers import demo
from kim.volunteers.models import Match, Offer, Volunteer
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD


def test_volunteer_pages_pass_axe_and_a_proposal_is_confirmed(page, personas, soest):
    demo.load(soest)
    with scope(municipality=soest):
        volunteer = Volunteer.objects.first()
        match = Match.objects.filter(state="active").first()
        offer = Offer.objects.first()
    log_in(page, "volunteer_coordinator-soest", PASSWORD)
    base = "/soest/volunteers"
    for url in ["/soest/", f"{base}/", f"{base}/new/", f"{base}/{volunteer.pk}/",
                f"{base}/{volunteer.pk}/edit/", f"{base}/requests/", f"{base}/requests/new/",
                f"{base}/assignments/", f"{base}/assignments/{match.pk}/",
                f"{base}/assignments/{match.pk}/end/", f"{base}/assignments/{match.pk}/hours/",
                f"{base}/offers/", f"{base}/offers/{offer.pk}/edit/", f"{base}/propose/",
                "/soest/offers/", "/soest/reports/volunteers_by_group/"]:
        page.goto(url)
        assert axe_violations(page) == [], url
    page.goto(f"{base}/propose/")
    page.get_by_role("button", name="Angekreuzte Vorschläge bestätigen").click()
    assert "Vorgeschlagene Einsätze:" in page.content()
    with scope(municipality=soest):
        assert Match.objects.filter(state="proposed").count() >= 5
