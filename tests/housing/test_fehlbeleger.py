"""Fehlbeleger: entitled to an own flat, still in Phase I/II accommodation."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scope

from kim.housing.domain import fehlbeleger
from tests.housing.factories import (
    FacilityFactory,
    PersonFactory,
    PlaceFactory,
    StatusFactory,
    StayFactory,
    UnitFactory,
)

D = datetime.date


@pytest.fixture
def town(soest):
    """In Phase I/II since 2023: a refugee recognised 10.04.2024, a Syrian asylum seeker
    (placeable, not entitled), a tolerated person; in a rented flat a recognised one."""
    with scope(municipality=soest):
        unit = UnitFactory(facility=FacilityFactory(municipality=soest, code="W"))
        flat = UnitFactory(facility=FacilityFactory(municipality=soest, code="FLAT",
                                                    kind="rented_flat"))
        places = [PlaceFactory(unit=unit) for _ in range(3)] + [PlaceFactory(unit=flat)]
        people = {}
        for name, statuses, place in (
                ("Refugee", [("gestattung", D(2022, 10, 5)), ("refugee", D(2024, 4, 10))], 0),
                ("Seeker", [("gestattung", D(2022, 10, 5))], 1),
                ("Tolerated", [("gestattung", D(2022, 10, 5)), ("duldung", D(2023, 6, 1))], 2),
                ("Flat", [("gestattung", D(2022, 10, 5)), ("subsidiary", D(2023, 9, 1))], 3)):
            person = PersonFactory(municipality=soest, family_name=name)
            for code, start in statuses:
                StatusFactory(person=person, code=code, valid_from=start)
            StayFactory(place=places[place], person=person, start=D(2023, 2, 1))
            people[name] = person
    return people


def test_listing_and_rate(soest, in_soest, town):
    entries, residents = fehlbeleger.listing(soest, D(2024, 6, 30))
    assert [(e.stay.person.family_name, e.since) for e in entries] == [
        ("Refugee", D(2024, 4, 10))]
    assert residents == 3  # the rented flat is an own flat, not shared accommodation
    assert fehlbeleger.listing(soest, D(2024, 4, 9)) == ([], 3)


def test_trend_at_month_ends(soest, in_soest, town):
    points = fehlbeleger.trend(soest, D(2024, 5, 20), months=3)
    assert [(p.day, p.residents, p.fehlbeleger, p.rate) for p in points] == [
        (D(2024, 3, 31), 3, 0, 0.0), (D(2024, 4, 30), 3, 1, 33.3), (D(2024, 5, 20), 3, 1, 33.3)]


def test_month_ends_over_a_year_end():
    assert fehlbeleger.month_ends(D(2025, 1, 31), 3) == [D(2024, 11, 30), D(2024, 12, 31),
                                                        D(2025, 1, 31)]


def test_settled_persons_are_fehlbeleger_too(soest, in_soest, town):
    StatusFactory(person=town["Tolerated"], code="settled", valid_from=D(2024, 5, 1))
    entries, _ = fehlbeleger.listing(soest, D(2024, 6, 30))
    assert {e.stay.person.family_name for e in entries} == {"Refugee", "Tolerated"}


def test_page_shows_list_rate_and_trend(personas, town):
    response = personas["benefits"].client().get("/soest/housing/fehlbeleger/",
                                                 HTTP_ACCEPT_LANGUAGE="en")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Refugee, Amal" in text and "Seeker" not in text
    assert "33.3 %" in text  # 1 of 3 residents today
    assert f"{timezone.localdate():%m/%d/%Y}" in text


def test_export_of_the_list_sorted_as_asked(personas, town):
    with scope(municipality=town["Tolerated"].municipality):
        StatusFactory(person=town["Tolerated"], code="settled", valid_from=D(2024, 5, 1))
        facility = town["Refugee"].stays.get().place.unit.facility.name
    client = personas["benefits"].client()
    response = client.get("/soest/housing/fehlbeleger/?sort=-since&format=csv",
                          HTTP_ACCEPT_LANGUAGE="en")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == ["Person,Facility,Living there since,Entitled since",
                     f'"Tolerated, Amal",{facility},2023-02-01,2024-05-01',
                     f'"Refugee, Amal",{facility},2023-02-01,2024-04-10']


def test_stored_time_lines_give_the_engines_figures(soest, in_soest, town):
    """Occupancy and the trend read the stored time lines at scale (one grouped query
    instead of the engine per resident): the same figures as the engine."""
    from kim.people.domain import timelines

    day = D(2024, 6, 30)
    assert not timelines.covers(soest, day)
    live = (fehlbeleger.trend(soest, day), fehlbeleger.count_by_facility(soest, day))
    timelines.refresh_municipality(soest)
    assert timelines.covers(soest, day)
    stored = (fehlbeleger.trend(soest, day), fehlbeleger.count_by_facility(soest, day))
    assert stored == live
    assert [p.fehlbeleger for p in live[0]][-4:] == [0, 1, 1, 1]  # recognised 10.04.2024
    assert list(live[1].values()) == [1]
