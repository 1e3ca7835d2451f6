"""Accommodation pages in a real browser: axe finds no serious violations; a move-in."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.housing.conftest import make_housing
from tests.housing.factories import PersonFactory


def test_accommodation_pages_pass_axe_and_a_move_in_works(page, personas, soest):
    from django_scopes import scope

    home = make_housing(soest)
    with scope(municipality=soest):
        PersonFactory(municipality=soest, family_name="Yilmaz", given_names="Deniz")
    p1, state, stay = home["phase1"].pk, home["state"].pk, home["stay"].pk
    free = home["places"][1].pk
    log_in(page, "housing-soest", PASSWORD)
    for url in ["/soest/", "/soest/housing/", f"/soest/housing/facilities/{p1}/",
                f"/soest/housing/facilities/{p1}/?on=2020-01-01",
                f"/soest/housing/facilities/{state}/", "/soest/housing/hints/",
                "/soest/housing/fehlbeleger/", f"/soest/housing/facilities/{p1}/incidents/",
                f"/soest/housing/facilities/{p1}/incidents/new/",
                f"/soest/housing/stays/{stay}/move/", f"/soest/housing/stays/{stay}/move-out/",
                f"/soest/housing/places/{free}/block/", "/soest/housing/facilities/new/",
                "/soest/reports/occupancy/", "/soest/reports/refugees_over_time/",
                "/soest/reports/fehlbeleger_trend/", "/soest/reports/occupancy_trend/"]:
        page.goto(url)
        assert axe_violations(page) == [], url
    page.goto(f"/soest/housing/places/{free}/move-in/")
    page.get_by_role("combobox", name="Person").fill("Yilmaz")
    page.get_by_role("option", name=re.compile(r"^Yilmaz, Deniz \(geb\. ")).click()
    assert axe_violations(page) == [], "move-in with a chosen person"
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status")).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text("Yilmaz, Deniz")
    page.goto(f"/soest/housing/stays/{stay}/move-out/")
    page.get_by_label(re.compile("Ausgezogen am|Moved out on")).fill("2000-01-01")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert axe_violations(page) == [], "form with errors"


def test_placement_and_waiting_pages_pass_axe(page, personas, soest):
    """Suggestions, arrival (select → review), waiting list, policy and placement forms."""
    from tests.housing.test_matrix import waiting_entry
    from tests.housing.test_placement_ui import household

    home = make_housing(soest)
    entry = waiting_entry(home)
    family = household(soest, "Nasser", ("f", 35), ("m", 9))
    log_in(page, "housing-soest", PASSWORD)
    for url in [f"/soest/housing/placement/households/{family.pk}/",
                "/soest/housing/waiting/", "/soest/housing/waiting/new/",
                "/soest/housing/waiting/policy/", f"/soest/housing/waiting/{entry.pk}/place/",
                f"/soest/housing/waiting/{entry.pk}/withdraw/",
                "/soest/housing/waiting/placements/",
                f"/soest/housing/placement/households/{family.pk}/record/",
                "/soest/reports/housing_placement/", "/soest/housing/placement/arrival/"]:
        page.goto(url)
        assert axe_violations(page) == [], url
    page.get_by_label(re.compile("Nasser")).check()
    page.get_by_role("button", name=re.compile("Vorschlag berechnen|Compute a proposal")).click()
    expect(page.get_by_role("table").first).to_contain_text("Nasser")
    assert axe_violations(page) == [], "review"
