"""Accommodation fixtures: a small Soest with Phase I, Phase II, a state facility."""

import datetime

import pytest
from django.utils import timezone, translation
from django_scopes import scope

from tests.housing.factories import (
    FacilityFactory,
    IncidentFactory,
    PersonFactory,
    PlaceFactory,
    StateCountFactory,
    StatusFactory,
    StayFactory,
    UnitFactory,
)


def make_housing(municipality, *, places=3):
    """Waldstraße (Phase I) with one room of ``places`` places, one resident in place 1;
    a Phase II flat with two places; a state facility with one count; one incident."""
    with scope(municipality=municipality):
        phase1 = FacilityFactory(municipality=municipality, code="WALD", name="Waldstraße")
        room = UnitFactory(facility=phase1, name="Zimmer 1")
        spots = [PlaceFactory(unit=room, label=str(i + 1)) for i in range(places)]
        phase2 = FacilityFactory(municipality=municipality, code="SUED1", kind="phase2",
                                 name="Wohnhaus Süd")
        flat = UnitFactory(facility=phase2, name="Wohnung 1")
        flat_places = [PlaceFactory(unit=flat, label=str(i + 1)) for i in range(2)]
        state = FacilityFactory(municipality=municipality, code="ZUE", kind="state",
                                name="ZUE Kaserne")
        StateCountFactory(facility=state)
        resident = PersonFactory(municipality=municipality, family_name="Haddad",
                                 given_names="Omar", sex="m")
        StatusFactory(person=resident, code="gestattung")
        stay = StayFactory(place=spots[0], person=resident,
                           start=timezone.localdate() - datetime.timedelta(days=30))
        incident = IncidentFactory(facility=phase1)
    return {"phase1": phase1, "room": room, "places": spots, "phase2": phase2,
            "flat": flat, "flat_places": flat_places, "state": state, "resident": resident,
            "stay": stay, "incident": incident}


@pytest.fixture
def housing(soest):
    return make_housing(soest)


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (the msgids); pages are requested in English."""
    with translation.override("en"):
        yield
