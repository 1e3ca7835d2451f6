"""Moves and move-ins obey the unit's target group – the placement solver's rule – and an
exception needs a recorded reason (issue 13 item 5)."""

import itertools

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope

from kim.housing.domain import stays
from kim.housing.models import Stay
from kim.housing.placement import HouseholdNeed, UnitOffer, exclusions, group_exclusions
from kim.housing.placement.types import COMPOSITIONS, TARGET_USES
from kim.people.models import Household, HouseholdMember
from tests.clock import days_ago, today
from tests.housing.factories import PersonFactory, PlaceFactory, UnitFactory

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def family_of(municipality, size):
    household = Household.objects.create(municipality=municipality, name="Familie Nasser")
    family = [PersonFactory(municipality=municipality, family_name="Nasser")
              for _ in range(size)]
    for person in family:
        HouseholdMember.objects.create(municipality=municipality, household=household,
                                       person=person, role="other", valid_from=days_ago(10))
    return family


def men_unit(housing):
    unit = UnitFactory(facility=housing["phase2"], name="Männer 1", target_use="single_men")
    return unit, [PlaceFactory(unit=unit, label=str(i)) for i in (1, 2)]


def test_a_single_man_is_not_moved_into_a_family_unit_without_a_reason(in_soest, housing):
    stay = housing["stay"]  # Omar Haddad, a single man, in Zimmer 1 (families)
    with pytest.raises(ValidationError) as info:
        stays.move(stay, housing["flat_places"][0], today(), reason="phase_change")
    assert info.value.message_dict == {"place": [
        "Wohnhaus Süd – Wohnung 1 is meant for families and does not suit Haddad, Omar's "
        "household: The target use families does not take single men. To move them there "
        "anyway, give the reason for the exception."]}
    stay.refresh_from_db()
    assert stay.end is None and Stay.objects.count() == 1  # nothing written


def test_the_recorded_reason_overrides_and_stays_with_the_new_stay(in_soest, housing):
    moved = stays.move(housing["stay"], housing["flat_places"][0], today(),
                       reason="phase_change", note="Schlüssel übergeben",
                       override="Zimmer für Männer belegt")
    assert moved.note == ("Exception from the target group: Zimmer für Männer belegt – "
                          "Schlüssel übergeben")


def test_a_too_long_reason_is_refused_on_its_field(in_soest, housing):
    with pytest.raises(ValidationError) as info:
        stays.move(housing["stay"], housing["flat_places"][0], today(), reason="phase_change",
                   override="x" * 201)
    assert list(info.value.message_dict) == ["override_reason"]


def test_a_single_man_moves_freely_into_a_unit_for_single_men(in_soest, housing):
    _, places = men_unit(housing)
    moved = stays.move(housing["stay"], places[0], today(), reason="phase_change")
    assert (moved.place, moved.note) == (places[0], "")


def test_a_family_member_is_refused_by_a_single_men_unit_and_accepted_by_families(
        in_soest, housing):
    _, places = men_unit(housing)
    family = family_of(in_soest, 2)
    with pytest.raises(ValidationError) as info:
        stays.move_in(family[0], places[0], today())
    assert "The target use single men does not take families." in info.value.messages[0]
    assert stays.move_in(family[0], housing["flat_places"][0], today()).note == ""


def test_a_household_move_in_is_all_or_nothing_under_the_rule(in_soest, housing):
    unit, places = men_unit(housing)
    family = family_of(in_soest, 2)
    with pytest.raises(ValidationError):
        stays.move_in_household(family[0], places[0], today())
    assert not Stay.objects.filter(person__in=family).exists()
    placed = stays.move_in_household(family[0], places[0], today(), override="Notfall")
    assert [s.note for s in placed] == ["Exception from the target group: Notfall"] * 2


@pytest.mark.parametrize("composition,use,vulnerable,accessible,phase", list(itertools.product(
    COMPOSITIONS, TARGET_USES, (False, True), (False, True), (1, 2))))
def test_the_group_rule_is_the_solvers_rule_without_capacity(composition, use, vulnerable,
                                                             accessible, phase):
    need = HouseholdNeed("h", 2, composition, vulnerable=vulnerable,
                         needs_accessible=accessible)
    roomy = UnitOffer("u", "f", phase, use, free_places=5)
    assert group_exclusions(need, roomy) == exclusions(need, roomy)
    tight = UnitOffer("u", "f", phase, use, free_places=1)
    assert [r.code for r in exclusions(need, tight)] == [r.code for r in group_exclusions(
        need, tight)] + ([] if composition == "uma" else ["excluded_too_small"])


def test_the_move_page_groups_places_by_unit_with_suitable_units_first(personas, housing,
                                                                        soest):
    with scope(municipality=soest):
        unit, _ = men_unit(housing)
    page = personas["housing"].client().get(
        f"/soest/housing/stays/{housing['stay'].pk}/move/", **EN).content.decode()
    men = page.index('<optgroup label="Wohnhaus Süd – Männer 1 (single men, 2 free)">')
    families = page.index('<optgroup label="Wohnhaus Süd – Wohnung 1 (families, 2 free) – '
                          'target group does not fit">')
    assert men < families
    assert page.index('<optgroup label="Waldstraße – Zimmer 1 (families, 2 free) – target '
                      'group does not fit">') > men
    assert "Reason for an exception from the target group" in page
