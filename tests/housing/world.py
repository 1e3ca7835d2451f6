"""Accommodation's part of the conformance world. Every call adds ``n`` Phase I facilities
with a resident (open stay) and a free place, a Phase II flat, a state facility with a
count, an incident, and a household on the waiting list."""

import datetime

from django.utils import timezone

from kim.housing.models import WaitingListEntry
from kim.people.models import Household, HouseholdMember
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


def build(municipality, users, n):
    start = timezone.localdate() - datetime.timedelta(days=30)
    for _ in range(n):
        phase1 = FacilityFactory(municipality=municipality)
        room = UnitFactory(facility=phase1)
        taken, _free = PlaceFactory(unit=room), PlaceFactory(unit=room)
        PlaceFactory(unit=UnitFactory(facility=FacilityFactory(municipality=municipality,
                                                               kind="phase2")))
        StateCountFactory(facility=FacilityFactory(municipality=municipality, kind="state"))
        resident = PersonFactory(municipality=municipality, family_name="Haddad", sex="m")
        StatusFactory(person=resident, code="gestattung")
        StayFactory(place=taken, person=resident, start=start)
        IncidentFactory(facility=phase1)
        household = Household.objects.create(municipality=municipality, name="Haddad")
        HouseholdMember.objects.create(municipality=municipality, household=household,
                                       person=resident, role="head", valid_from=start)
        WaitingListEntry.objects.create(municipality=municipality, household=household,
                                        applied_on=start)
