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


def _suggestions(client, stay, q):
    response = client.get(f"/soest/housing/stays/{stay.pk}/move/places/", {"q": q}, **EN)
    assert response.status_code == 200
    return response.json()["results"]


def test_the_place_picker_keeps_the_grouping_with_suitable_units_first(personas, housing,
                                                                        soest):
    with scope(municipality=soest):
        _, men = men_unit(housing)
    flat = housing["flat_places"]
    client = personas["housing"].client()
    assert _suggestions(client, housing["stay"], "wohnhaus") == [
        {"id": men[0].pk, "label": "Wohnhaus Süd – Männer 1 – place 1 (single men, 2 free)"},
        {"id": men[1].pk, "label": "Wohnhaus Süd – Männer 1 – place 2 (single men, 2 free)"},
        *[{"id": p.pk, "label": f"Wohnhaus Süd – Wohnung 1 – place {p.label} (families, 2 "
           "free) – target group does not fit"} for p in flat]]
    assert [r["id"] for r in _suggestions(client, housing["stay"], "süd wohnung")] == [
        p.pk for p in flat]
    assert [r["id"] for r in _suggestions(client, housing["stay"], str(men[1].pk))] == [
        men[1].pk]
    occupied = housing["stay"].place
    assert _suggestions(client, housing["stay"], str(occupied.pk)) == []  # not free
    page = client.get(f"/soest/housing/stays/{housing['stay'].pk}/move/").content.decode()
    assert (f'data-picker-url="/soest/housing/stays/{housing["stay"].pk}/move/places/"'
            in page and 'name="place"' in page)


def test_the_place_picker_needs_the_move_permission_and_the_own_town(personas, housing):
    url = f"/soest/housing/stays/{housing['stay'].pk}/move/places/"
    assert personas["caseworker"].client().get(url, {"q": "wohn"}).status_code == 403
    assert personas["foreign"].client().get(url, {"q": "wohn"}).status_code == 404


def test_a_foreign_or_taken_place_is_a_form_error(personas, housing, soest, herne):
    from tests.housing.factories import FacilityFactory

    with scope(municipality=herne):
        foreign = PlaceFactory(unit=UnitFactory(facility=FacilityFactory(municipality=herne)))
    client = personas["housing"].client()
    for number in (foreign.pk, housing["stay"].place.pk, "abc"):
        response = client.post(f"/soest/housing/stays/{housing['stay'].pk}/move/",
                               {"place": number, "on": today().isoformat(),
                                "reason": "phase_change"}, **EN)
        assert response.status_code == 200 and "place" in response.context["form"].errors
    with scope(municipality=soest):
        assert Stay.objects.get(end=None) == housing["stay"]
