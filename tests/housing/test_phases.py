"""The three-phase rules ([Soest] 5.5.1.1) and the hints worklist."""

import datetime

import pytest
from django_scopes import scope

from kim.housing.domain.hints import all_flags
from kim.housing.domain.phases import chain_start, of_school_age, skip_groups
from kim.people.models import Household, HouseholdMember, Vulnerability
from kim.rules.dates import add_months
from tests.clock import today
from tests.housing.factories import PersonFactory, PlaceFactory, StayFactory, UnitFactory

D = datetime.date


@pytest.mark.parametrize(("birth", "day", "expected"), [
    (D(2018, 9, 30), D(2024, 7, 31), False),  # 6 by 30 Sept 2024: starts 1 Aug 2024
    (D(2018, 9, 30), D(2024, 8, 1), True),
    (D(2018, 10, 1), D(2024, 8, 1), False),  # 6 after 30 Sept: one year later
    (D(2018, 10, 1), D(2025, 8, 1), True),
    (D(2006, 5, 1), D(2024, 7, 31), True),  # 18 on 1 May 2024: until 31 July 2024
    (D(2006, 5, 1), D(2024, 8, 1), False),
    (D(2006, 9, 1), D(2025, 7, 31), True),  # 18 in the next school year
])
def test_school_age(birth, day, expected):
    assert of_school_age(birth, day) is expected


def test_add_months_clamps_to_the_month_end():
    assert add_months(D(2024, 8, 31), 6) == D(2025, 2, 28)
    assert add_months(D(2023, 12, 15), 24) == D(2025, 12, 15)


def test_chain_start_follows_moves_without_gaps():
    p1, p2 = "phase1", "phase2"
    periods = [(D(2023, 1, 1), D(2023, 3, 1), p1), (D(2023, 3, 1), D(2023, 5, 1), p1),
               (D(2023, 5, 1), None, p2)]
    assert chain_start(periods, [p1, p2]) == D(2023, 1, 1)
    assert chain_start(periods, [p2]) == D(2023, 5, 1)
    assert chain_start(periods, [p1]) is None  # the open stay is not in Phase I
    gap = [(D(2022, 1, 1), D(2022, 6, 1), p1), (D(2022, 7, 1), None, p1)]
    assert chain_start(gap, [p1]) == D(2022, 7, 1)


def test_skip_groups(soest, in_soest):
    day = D(2024, 9, 1)
    woman = PersonFactory(municipality=soest, sex="f", birth_date=D(1990, 1, 1))
    assert skip_groups(woman, [woman], [], day) == ("single_woman",)
    child = PersonFactory(municipality=soest, birth_date=D(2015, 3, 1))
    father = PersonFactory(municipality=soest, sex="m", birth_date=D(1958, 1, 1),
                           activity="training")
    assert skip_groups(father, [father, child], ["minor"], day) == (
        "school_children", "training", "elderly")
    uma = PersonFactory(municipality=soest, sex="m", birth_date=D(2004, 1, 1),
                        unaccompanied_minor=True)
    assert skip_groups(uma, [uma], ["health"], day) == ("protection_need", "former_uma")
    baby = PersonFactory(municipality=soest, birth_date=D(2023, 1, 1))
    assert skip_groups(father, [father, baby], [], D(2024, 9, 1)) == ("training", "elderly")


@pytest.fixture
def residents(soest, housing):
    """Phase I: a family with a school child (9 months, no reason), a single man (4 months);
    Phase II: a woman in municipal accommodation for 25 months (7 of them in Phase I)."""
    with scope(municipality=soest):
        room = UnitFactory(facility=housing["phase1"], name="Zimmer 2")
        places = [PlaceFactory(unit=room, label=str(i)) for i in range(1, 4)]
        family = Household.objects.create(municipality=soest, name="Familie Karimi")
        mother = PersonFactory(municipality=soest, family_name="Karimi", given_names="Leyla",
                               sex="f", birth_date=D(1988, 2, 2))
        son = PersonFactory(municipality=soest, family_name="Karimi", given_names="Reza",
                            birth_date=today().replace(year=today().year - 10, day=1))
        for person, place in ((mother, places[0]), (son, places[1])):
            HouseholdMember.objects.create(municipality=soest, household=family, person=person,
                                           role="head" if person is mother else "child",
                                           valid_from=D(2020, 1, 1))
            StayFactory(place=place, person=person, start=add_months(today(), -9))
        long_stay = PersonFactory(municipality=soest, family_name="Bakr", sex="f",
                                  birth_date=D(1970, 1, 1))
        Vulnerability.objects.create(municipality=soest, person=long_stay, kind="health")
        begin = add_months(today(), -25)
        StayFactory(place=places[2], person=long_stay, start=begin,
                    end=add_months(begin, 7))
        StayFactory(place=housing["flat_places"][0], person=long_stay,
                    start=add_months(begin, 7))
    return {"mother": mother, "son": son, "long_stay": long_stay}


def test_flags_of_all_open_stays(soest, in_soest, residents):
    flags = {(f.person.family_name, f.kind): f for f in all_flags(soest, today())}
    assert set(flags) == {("Karimi", "phase1_over_6_months"), ("Karimi", "skip_phase1"),
                          ("Bakr", "phase3_due")}
    karimi = all_flags(soest, today(), "phase1_over_6_months")
    assert len(karimi) == 2 and not any(f.resolved for f in karimi)
    assert karimi[0].message == (f"In Phase I since {add_months(today(), -9):%m/%d/%Y} (more "
                                 "than 6 months); a reason must be recorded.")
    skip = all_flags(soest, today(), "skip_phase1")
    assert {f.groups for f in skip} == {("school_children",)}
    bakr = flags[("Bakr", "phase3_due")]
    assert bakr.since == add_months(today(), -25)
    assert "Haddad" not in {f.person.family_name for f in all_flags(soest, today())}


def test_a_recorded_reason_resolves_the_phase1_flag(soest, in_soest, residents):
    stay = residents["mother"].stays.get()
    stay.phase1_exception_reason = "Kein Familienplatz in Phase II frei"
    stay.save()
    flag = next(f for f in all_flags(soest, today(), "phase1_over_6_months")
                if f.person == residents["mother"])
    assert flag.resolved
    assert flag.message.endswith("Reason recorded: Kein Familienplatz in Phase II frei")


def test_uma_in_shared_accommodation_is_flagged(soest, in_soest, housing):
    uma = PersonFactory(municipality=soest, unaccompanied_minor=True,
                        birth_date=today().replace(year=today().year - 17, day=1))
    StayFactory(place=housing["places"][1], person=uma, start=today())  # e.g. an old import
    assert [f.kind for f in all_flags(soest, today()) if f.person == uma] == ["uma_shared"]


def test_uma_recorded_as_vulnerability_is_flagged_too(soest, in_soest, housing):
    sixteen = today().replace(year=today().year - 16, day=1)
    uma = PersonFactory(municipality=soest, birth_date=sixteen)
    Vulnerability.objects.create(municipality=soest, person=uma, kind="uma")
    StayFactory(place=housing["places"][1], person=uma, start=today())
    assert [f.kind for f in all_flags(soest, today()) if f.person == uma] == ["uma_shared"]


def test_hints_page(personas, residents):
    client = personas["housing"].client()
    response = client.get("/soest/housing/hints/", HTTP_ACCEPT_LANGUAGE="en")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Karimi, Leyla" in text and "Bakr" in text
    assert "should skip Phase I" in text and "family with children of school age" in text
    assert "special protection need" not in text  # Bakr is in Phase II
    filtered = client.get("/soest/housing/hints/?kind=phase3_due", HTTP_ACCEPT_LANGUAGE="en")
    assert "Bakr" in filtered.content.decode()
    assert "Karimi" not in filtered.content.decode()
    assert client.get("/soest/housing/hints/?kind=nope").status_code == 200


def test_vulnerability_is_never_named_in_a_hint(soest, in_soest, housing):
    resident = housing["resident"]
    Vulnerability.objects.create(municipality=soest, person=resident, kind="survivor")
    skip = [f for f in all_flags(soest, today(), "skip_phase1") if f.person == resident]
    assert skip[0].message == ("Should not live in Phase I: special protection need "
                               "recorded by case work.")
