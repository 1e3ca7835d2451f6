"""A bus waiting for placement: households the Land assigned to Soest today, none of them
housed yet, so the mass-arrival page (``housing:arrival``) has work – families, a
couple, single men, a single woman and a single mother, as a real bus brings them
(issue 13 item 12).

Unlike the rest of the accommodation demo this depends on the day the demo is loaded:
the arrivals are assigned on that day (the page looks 90 days back by default).
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from kim.core.audit.writer import record_bulk
from kim.core.models import Municipality
from kim.people.demo.names import FAMILY, GIVEN, REGION
from kim.people.domain.persons import refresh_keys, store_name_tokens
from kim.people.models import Household, HouseholdMember, LegalStatus, Person

SEED = 2026_1203
DAY = datetime.timedelta(days=1)
# country, then (sex, year of birth) per member: head first, then partner, then children
BUS: list[tuple[str, list[tuple[str, int]]]] = [
    ("SY", [("m", 1984), ("f", 1988), ("m", 2014), ("f", 2017)]),
    ("AF", [("m", 1979), ("f", 1983), ("f", 2009), ("m", 2012), ("m", 2019)]),
    ("IQ", [("m", 1990), ("f", 1993)]),
    ("ER", [("m", 1998)]),
    ("SY", [("m", 2001)]),
    ("TR", [("m", 1995)]),
    ("IR", [("f", 1992)]),
    ("AF", [("f", 1987), ("m", 2016)]),
]
PREFIX = "BUS-"
REFERENCE = PREFIX + "{:02d}"


def load(municipality: Municipality, today: datetime.date | None = None) -> list[int]:
    """Create the bus's households (once); returns the new persons' ids."""
    if Household.objects.filter(reference=REFERENCE.format(1)).exists():
        return []
    today = today or timezone.localdate()
    rng = random.Random(SEED)  # noqa: S311  (demo data, not security)
    applied = today - 30 * DAY
    households, persons, plan = [], [], []
    for number, (country, members) in enumerate(BUS, start=1):
        region = REGION[country]
        family = rng.choice(FAMILY[region])
        household = Household(municipality=municipality, reference=REFERENCE.format(number),
                              name=f"{family} ({country})")
        households.append(household)
        for index, (sex, year) in enumerate(members):
            person = Person(
                municipality=municipality, family_name=family,
                given_names=rng.choice(GIVEN[f"{region}_{sex}"]),
                birth_date=datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                sex=sex, citizenships=[country], entry_date=applied - 10 * DAY,
                asylum_application_date=applied, assignment_date=today)
            refresh_keys(person)
            persons.append(person)
            plan.append((household, person, "head" if index == 0 else
                         "partner" if index == 1 and year < 2000 else "child"))
    Household.objects.bulk_create(households)
    Person.objects.bulk_create(persons)
    store_name_tokens(persons, created=True)
    links = [HouseholdMember(municipality=municipality, household=h, person=p, valid_from=today,
                             role=role) for h, p, role in plan]
    statuses = [LegalStatus(municipality=municipality, person=p, code="gestattung",
                            valid_from=applied) for p in persons]
    HouseholdMember.objects.bulk_create(links)
    LegalStatus.objects.bulk_create(statuses)
    for model, count in ((Household, len(households)), (Person, len(persons)),
                         (HouseholdMember, len(links)), (LegalStatus, len(statuses))):
        record_bulk(model, count, "demo data (a bus waiting for placement)",
                    municipality_id=municipality.pk)
    return [p.pk for p in persons]
