"""A seeded random town for comparing the reports from stored time lines with the live
engine: persons with any status history (also statuses before the birth, persons without
status or assignment), households that split, placements, stays in shared
accommodation, rented flats and own flats. All data fictitious."""

from __future__ import annotations

import datetime
import random

from kim.housing.models import Placement, Stay
from kim.people.models import Household, HouseholdMember, LegalStatus
from kim.rules import STATUS_CODES
from tests.housing.factories import FacilityFactory, PersonFactory, PlaceFactory, UnitFactory

D = datetime.date
COUNTRIES = ["SY", "SY", "AF", "IQ", "ER", "ET", "AL", "RS", "GE", "UA", "TR", "XX"]
COMMON = ["gestattung", "gestattung", "asylum_seeker", "duldung", "refugee", "subsidiary",
          "temporary_protection", "humanitarian_25_5", "settled"]


def _day(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def build(municipality, households: int = 45, seed: int = 7) -> list[int]:
    """Create the town; returns the person ids."""
    rng = random.Random(seed)  # noqa: S311
    places = {kind: [] for kind in ("phase1", "phase2", "rented_flat")}
    for kind in places:
        unit = UnitFactory(facility=FacilityFactory(municipality=municipality, kind=kind),
                           municipality=municipality)
        places[kind] = [PlaceFactory(unit=unit, municipality=municipality) for _ in range(60)]
    free = {kind: list(found) for kind, found in places.items()}
    ids = []
    for number in range(households):
        arrival = _day(rng, D(2014, 6, 1), D(2025, 6, 1))
        household = Household.objects.create(municipality=municipality, name=f"H{number}")
        size = rng.choice([1, 1, 2, 3, 4, 5])
        members = []
        for index in range(size):
            if index < 2:
                born = _day(rng, D(1950, 1, 1), D(2004, 1, 1))
            else:  # children, some born after the family's first status
                born = _day(rng, arrival - datetime.timedelta(days=17 * 365),
                            arrival + datetime.timedelta(days=500))
            entry = arrival - datetime.timedelta(days=rng.randint(5, 400))

            def after_birth(day, born=born):
                # The database refuses a person's dates before the birth (a child born
                # here enters on its birthday); status records may still be implausible.
                return None if day is None else max(day, born)

            person = PersonFactory(
                municipality=municipality, birth_date=born, citizenships=[rng.choice(COUNTRIES)],
                entry_date=after_birth(rng.choice([entry, entry, None])),
                asylum_application_date=after_birth(
                    rng.choice([entry + datetime.timedelta(days=4), None])),
                assignment_date=after_birth(rng.choice([arrival, arrival, arrival, None,
                                                        arrival - datetime.timedelta(days=200)])),
                moved_away_date=after_birth(rng.choice([None, None, None,
                                                        _day(rng, arrival, D(2028, 6, 1))])),
                lives_in_reception_centre=rng.random() < 0.1,
                unaccompanied_minor=rng.random() < 0.05,
                residence_obligation_exception=rng.random() < 0.1)
            start = entry + datetime.timedelta(days=rng.randint(-30, 30))
            for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
                code = rng.choice(COMMON + list(STATUS_CODES))
                LegalStatus.objects.create(municipality=municipality, person=person, code=code,
                                           valid_from=start)
                start += datetime.timedelta(days=rng.randint(30, 1200))
            members.append(person)
            ids.append(person.pk)
            if rng.random() < 0.9:
                HouseholdMember.objects.create(municipality=municipality, household=household,
                                               person=person, role="head" if index == 0
                                               else "child", valid_from=arrival)
        if size > 2 and rng.random() < 0.4:  # a split: the last member leaves
            leaver = members[-1]
            link = HouseholdMember.objects.filter(person=leaver, valid_to=None).first()
            if link is not None:
                on = _day(rng, arrival + datetime.timedelta(days=30), D(2027, 1, 1))
                link.valid_to = on - datetime.timedelta(days=1)
                link.save()
                new = Household.objects.create(municipality=municipality, name=f"H{number}b")
                HouseholdMember.objects.create(municipality=municipality, household=new,
                                               person=leaver, role="head", valid_from=on)
        if rng.random() < 0.2:
            Placement.objects.create(
                municipality=municipality, household=household,
                kind=rng.choice(["rented_flat", "private"]),
                placed_on=_day(rng, arrival, D(2027, 1, 1)),
                regime=rng.choice(["asylblg", "sgb"]))
        if rng.random() < 0.6:
            _stays(rng, municipality, members, arrival, free)
    return ids


def _stays(rng, municipality, members, arrival, free) -> None:
    """Phase I/II, then perhaps a rented flat or an own flat, for every member."""
    first_end = arrival + datetime.timedelta(days=rng.randint(30, 900))
    second_kind = rng.choice(["rented_flat", "own_flat", "moved_away", None])
    for person in members:
        Stay.objects.create(municipality=municipality, person=person,
                            place=free[rng.choice(["phase1", "phase2"])].pop(), start=arrival,
                            end=None if second_kind is None else first_end,
                            move_out_reason="" if second_kind in (None, "rented_flat")
                            else second_kind)
        if second_kind == "rented_flat":
            Stay.objects.create(municipality=municipality, person=person,
                                place=free["rented_flat"].pop(), start=first_end)
