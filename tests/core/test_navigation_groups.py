"""Navigation groups (NavItem.parent): one main entry per group, the group's pages show
its entries as a section navigation, "account" entries go to the header – so a
caseworker's main navigation stays short with every module installed."""

import pytest

DE = {"HTTP_ACCEPT_LANGUAGE": "de"}


def labels(items):
    return [str(i["label"]) for i in items]


def test_the_caseworkers_main_navigation_has_one_entry_per_area(personas):
    context = personas["caseworker"].client().get("/soest/", **DE).context
    assert labels(context["nav_items"]) == [
        "Start", "Personen", "Fallarbeit", "Fristen", "Unterbringung", "Quote", "Kurse",
        "Handlungskonzept", "Willkommensordner", "Meine Ehrenamtsanfragen", "Monitoring",
        "Berichte"]
    assert context["section_items"] == []
    assert labels(context["account_items"]) == ["API-Tokens"]


def test_a_groups_pages_show_its_entries_as_a_section_navigation(personas):
    context = personas["caseworker"].client().get("/soest/education/worklist/", **DE).context
    assert labels(context["section_items"]) == [
        "Kurse", "Kurs-Arbeitsliste", "Arbeitsmaßnahmen", "Kita-Arbeitsliste",
        "Schul-Arbeitsliste"]
    assert [i["current"] for i in context["section_items"]] == [False, True, False, False,
                                                                False]
    current = [i for i in context["nav_items"] if i["current"]]
    assert labels(current) == ["Kurse"]


@pytest.mark.parametrize(("persona", "lead", "section"), [
    # the coordination leads the volunteers' group with its pool
    ("volunteer_coordinator", "Ehrenamt", ["Ehrenamt", "Angebote"]),
    # a caseworker may not see the pool: the first entry it may see stands for the group
    ("caseworker", "Meine Ehrenamtsanfragen", ["Meine Ehrenamtsanfragen", "Angebote"]),
])
def test_a_group_without_its_parent_is_led_by_its_first_visible_entry(personas, persona,
                                                                     lead, section):
    context = personas[persona].client().get("/soest/volunteers/offers/", **DE).context
    assert lead in labels(context["nav_items"])
    assert labels(context["section_items"]) == section
