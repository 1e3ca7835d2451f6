"""A household picker in a real browser: typed, chosen with the keyboard, saved; the
suggestions pass axe; without script the number field still works. Also the new lists."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.people.test_household_list import _household


def test_waiting_list_household_is_chosen_by_name_with_the_keyboard(page, personas, soest):
    from django_scopes import scope

    from kim.housing.models import WaitingListEntry

    _household(soest, "Berisha", "Berisha")
    family = _household(soest, "Nasser", "Nasser", "Nasser")
    log_in(page, "housing-soest", PASSWORD)
    page.goto("/soest/housing/waiting/new/")
    box = page.get_by_role("combobox", name="Haushalt")
    box.fill("nass")
    option = page.get_by_role("option", name=re.compile(rf"^Nasser \(Nr\. {family.pk}\)"))
    expect(option).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Ein Vorschlag, Auswahl mit den Pfeiltasten.")
    assert axe_violations(page) == [], "picker with suggestions"
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    box.press("Enter")  # chooses; does not submit
    expect(box).to_have_value(re.compile(r"^Nasser \(Nr\."))
    expect(page.get_by_role("listbox")).to_be_hidden()
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status")).to_contain_text("Warteliste")
    with scope(municipality=soest):
        assert WaitingListEntry.objects.get().household_id == family.pk


def test_without_script_the_number_is_typed(browser, live_server, personas, soest):
    from django_scopes import scope

    from kim.housing.models import WaitingListEntry

    family = _household(soest, "Nasser", "Nasser")
    context = browser.new_context(base_url=live_server.url, locale="de-DE",
                                  java_script_enabled=False)
    page = context.new_page()
    log_in(page, "housing-soest", PASSWORD)
    page.goto("/soest/housing/waiting/new/")
    page.get_by_label("Haushalt").fill(str(family.pk))
    page.get_by_role("button", name="Speichern").click()
    with scope(municipality=soest):
        assert WaitingListEntry.objects.get().household_id == family.pk
    context.close()


def test_person_and_household_lists_pass_axe(page, personas, soest):
    family = _household(soest, "Nasser", "Nasser", "Nasser")
    log_in(page, "caseworker-soest", PASSWORD)
    for url in ["/soest/persons/?sort=-birth", "/soest/persons/?q=Nasser",
                "/soest/persons/households/?sort=-size",
                f"/soest/persons/households/{family.pk}/merge/"]:
        page.goto(url)
        assert axe_violations(page) == [], url
