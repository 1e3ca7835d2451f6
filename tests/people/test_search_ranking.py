"""Search ranked by relevance: exact before phonetic before other spellings, with the
columns that tell namesakes apart (issue 13: "Hoseini" lists the Hosseinis first;
"Achmadi" finds Ahmadi)."""

import datetime as dt

from django_scopes import scope

from kim.people.domain.search import ranked_search
from tests.casework.factories import MemberFactory
from tests.housing.factories import FacilityFactory, PlaceFactory, StayFactory
from tests.people.factories import PersonFactory

NAMES = ["Hassani", "Husseini", "Hosseini", "Hussaini", "Hosseini"]


def _names(soest, ids):
    from kim.people.models import Person

    with scope(municipality=soest):
        by_id = dict(Person.objects.filter(pk__in=ids).values_list("pk", "family_name"))
    return [by_id[i] for i in ids]


def test_the_exact_spelling_variant_comes_first(in_soest):
    for i, name in enumerate(NAMES):
        PersonFactory(municipality=in_soest, family_name=name, given_names=f"Amir{i}")
    result = ranked_search(in_soest, "Hoseini")
    names = _names(in_soest, result.ids)
    assert names[:2] == ["Hosseini", "Hosseini"]
    assert set(names[2:]) == {"Husseini", "Hussaini", "Hassani"}
    assert result.kinds[result.ids[0]] == "exact"
    assert names.index("Hassani") == 4  # sounds alike, but the least similar spelling


def test_a_german_transliteration_finds_the_english_one(in_soest):
    ahmadi = PersonFactory(municipality=in_soest, family_name="Ahmadi", given_names="Reza")
    achmadi = PersonFactory(municipality=in_soest, family_name="Achmadi", given_names="Sara")
    assert ranked_search(in_soest, "Achmadi").ids == [achmadi.pk, ahmadi.pk]
    assert ranked_search(in_soest, "Ahmadi").ids == [ahmadi.pk, achmadi.pk]
    assert ranked_search(in_soest, "Achmadi").kinds[ahmadi.pk] == "variant"


def test_the_list_tells_namesakes_apart(personas, soest):
    with scope(municipality=soest):
        one = PersonFactory(municipality=soest, family_name="Hosseini", given_names="Ali",
                            birth_date=dt.date(1990, 1, 5))
        two = PersonFactory(municipality=soest, family_name="Hosseini", given_names="Ali",
                            birth_date=dt.date(1985, 7, 9))
        MemberFactory(person=one, household__name="Hosseini-Karimi")
        place = PlaceFactory(unit__facility=FacilityFactory(municipality=soest,
                                                            name="Waldstraße"))
        StayFactory(place=place, person=two, start=dt.date(2024, 1, 15))
    page = personas["housing"].client().get("/soest/persons/", {"q": "Hoseini"})
    html = page.content.decode()
    assert "Haushalt" in html and "Unterbringung" in html and "Übereinstimmung" in html
    assert "Hosseini-Karimi" in html and "Waldstraße" in html
    assert "05.01.1990" in html and "09.07.1985" in html
    # a caseworker sees households and accommodation too; the school office no list at all
    assert personas["school_office"].client().get("/soest/persons/").status_code == 403
