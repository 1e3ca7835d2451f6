"""Demo persons and households for soest-demo (product.md §8), generated deterministically.

The cohorts reproduce the published Soest figures:
- [Soest] 4.2: on 30.09.2018, 159 AsylbLG recipients = 122 with Gestattung + 37 with Duldung.
- [Soest] Tab. 7 (01.10.2018) person/family split: the household references start with the
  Tab. 7 cell they belong to (e.g. ``T7-NOTYET``), so the housing module can place them.
  Three single Gestattung holders are assigned on 01.10.2018 – that is why Tab. 7 counts
  162 AsylbLG persons where 4.2 counted 159 the day before.
Persons recognised before September 2018 receive SGB II on 30.09.2018; later arrivals
(2019–2025, incl. § 24 holders from Ukraine) keep the dataset alive for today's dates.
No date lies before a person's birth: a child born after the family's entry was born in
Germany, and its entry, application, assignment and first status date from its birthday.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from kim.core.audit.writer import record_bulk
from kim.core.domain.cldr import names
from kim.core.models import Municipality
from kim.people.demo.names import FAMILY, GIVEN, REGION
from kim.people.domain import timelines
from kim.people.domain.deadlines import refresh_municipality
from kim.people.domain.persons import refresh_keys, store_name_tokens
from kim.people.models import Household, HouseholdMember, LegalStatus, Person

D = datetime.date
GOOD_PROSPECT = ["SY", "SY", "IQ", "ER", "SO", "IR"]
OTHER = ["AF", "AF", "GN", "NG", "TR", "RU", "AZ", "ET"]
SAFE = ["AL", "AL", "RS", "MK", "XK", "BA", "GH"]
DULDUNG = ["AL", "RS", "XK", "NG", "GN", "AF", "IQ"]
RECOGNISED = ["SY", "SY", "SY", "IQ", "IQ", "ER", "IR", "SO", "AF"]
RECOGNISED_CODES = ["refugee", "refugee", "subsidiary", "subsidiary", "asylum_granted",
                    "deportation_ban"]


@dataclass
class Cohort:
    """Households of one kind: ``singles`` one-person households and ``family_persons``
    persons spread over ``families`` households of two or more."""

    reference: str
    singles: int
    families: int
    family_persons: int
    countries: list[str]
    story: str  # gestattung | duldung | recognised | placed_then_recognised | ukraine | recent
    window: tuple[D, D]  # entry dates are drawn from this window
    assigned_on: D | None = None  # fixed assignment date (else entry + 1–5 months)
    sizes: list[int] = field(default_factory=list)

    def family_sizes(self) -> list[int]:
        if not self.families:
            return []
        base, extra = divmod(self.family_persons, self.families)
        return [base + (1 if i < extra else 0) for i in range(self.families)]


COHORTS = [
    Cohort("T7-NOW-ASYL", 3, 1, 6, GOOD_PROSPECT, "gestattung", (D(2018, 3, 1), D(2018, 8, 31))),
    Cohort("T7-NOTYET", 11, 12, 49, OTHER, "gestattung", (D(2017, 1, 1), D(2018, 8, 31))),
    Cohort("T7-NOTYET-OCT", 3, 0, 0, OTHER, "gestattung", (D(2018, 9, 10), D(2018, 9, 20)),
           assigned_on=D(2018, 10, 1)),
    Cohort("T7-NOTPL-SAFE", 22, 8, 31, SAFE, "gestattung", (D(2016, 6, 1), D(2018, 8, 31))),
    Cohort("T7-NOTPL-DULD", 19, 5, 18, DULDUNG, "duldung", (D(2015, 9, 1), D(2017, 6, 30))),
    Cohort("T7-NOW-SGB2", 36, 11, 63, RECOGNISED, "recognised", (D(2015, 9, 1), D(2017, 9, 30))),
    Cohort("T7-SW-ASYL", 8, 38, 113, RECOGNISED, "placed_then_recognised",
           (D(2015, 9, 1), D(2016, 12, 31))),
    Cohort("T7-PW-ASYL", 11, 8, 24, RECOGNISED, "placed_then_recognised",
           (D(2015, 9, 1), D(2016, 12, 31))),
    Cohort("T7-SW-SGB2", 4, 11, 37, RECOGNISED, "recognised", (D(2015, 9, 1), D(2016, 9, 30))),
    Cohort("T7-PW-SGB2", 70, 53, 195, RECOGNISED, "recognised", (D(2015, 9, 1), D(2016, 9, 30))),
    Cohort("LATER-UA", 14, 22, 70, ["UA"], "ukraine", (D(2022, 3, 1), D(2023, 6, 30))),
    Cohort("LATER-ASYL", 25, 10, 38, ["SY", "AF", "TR", "IQ", "ER", "GE", "MD"], "recent",
           (D(2023, 1, 1), D(2025, 10, 31))),
]


def _day_between(rng: random.Random, start: D, end: D) -> D:
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


def _birth(rng: random.Random, age_from: int, age_to: int, ref: D) -> tuple[D, str]:
    born = _day_between(rng, D(ref.year - age_to - 1, ref.month, 1),
                        D(ref.year - age_from, ref.month, 1))
    # About one in eight registrations knows the year only (common in practice).
    if rng.random() < 0.12:
        return D(born.year, 1, 1), "year"
    return born, "day"


def _after_2018(rng: random.Random, story: str, country: str) -> list[tuple[str, D]]:
    """What happened to the 2018 asylum seekers later (keeps today's figures realistic;
    nothing here changes a figure on or before 01.10.2018)."""
    if story != "gestattung" or rng.random() < 0.25:
        return []
    decided = _day_between(rng, D(2019, 1, 15), D(2021, 6, 30))
    if country in SAFE:
        return [("duldung", decided)]
    if country in GOOD_PROSPECT or rng.random() < 0.5:
        return [(rng.choice(RECOGNISED_CODES), decided)]
    return [("duldung", decided)]


def _statuses(rng: random.Random, story: str, applied: D) -> list[tuple[str, D]]:
    if story in ("gestattung", "recent"):
        return [("gestattung", applied)]
    if story == "duldung":
        rejected = max(applied + datetime.timedelta(days=150), D(2017, 1, 1))
        return [("gestattung", applied), ("duldung", _day_between(rng, rejected, D(2018, 8, 31)))]
    if story == "ukraine":
        return [("temporary_protection", applied)]
    # 2015–2017: the BAMF decided most Syrian, Iraqi and Eritrean applications within
    # two to nine months; by mid-August 2018 at the latest for everybody counted in SGB II
    # on 30.09.2018 ([Soest] 4.2 counts none of them).
    decided = min(_day_between(rng, applied + datetime.timedelta(days=60),
                               applied + datetime.timedelta(days=270)), D(2018, 8, 15))
    if story == "placed_then_recognised":
        decided = _day_between(rng, D(2017, 6, 1), D(2018, 8, 15))
    return [("gestattung", applied), (rng.choice(RECOGNISED_CODES), decided)]


def _born_here(person: Person, history: list[tuple[str, D]]) -> list[tuple[str, D]]:
    """A child born in Germany after the family's entry: its stay in Germany, its asylum
    application (§ 14a Abs. 2 AsylG: filed with the notice of the birth) and its status
    start on its birthday, and it belongs to the municipality from then on. Returns the
    child's status history: the family's, from the status in force on the birthday."""
    born = person.birth_date
    if person.entry_date is None or born <= person.entry_date:
        return history
    person.entry_date = born
    if person.asylum_application_date is not None:
        person.asylum_application_date = max(person.asylum_application_date, born)
    if person.assignment_date is not None:
        person.assignment_date = max(person.assignment_date, born)
    in_force = [code for code, start in history if start <= born]
    return ([(in_force[-1], born)] if in_force else []) + [
        (code, start) for code, start in history if start > born]


def _household(rng: random.Random, cohort: Cohort, size: int, number: int,
               municipality: Municipality) -> tuple[Household, list[tuple]]:
    country = rng.choice(cohort.countries)
    region = REGION[country]
    family = rng.choice(FAMILY[region])
    entry = _day_between(rng, *cohort.window)
    applied = entry + datetime.timedelta(days=rng.randint(3, 20))
    assigned = cohort.assigned_on or min(entry + datetime.timedelta(days=rng.randint(30, 150)),
                                         D(2018, 9, 28) if entry < D(2018, 9, 1) else D(2026, 1, 1))
    household = Household(municipality=municipality, reference=f"{cohort.reference}-{number:03d}",
                          name=f"{family} ({names('territories', 'de').get(country, country)})")
    members = []
    later = _after_2018(rng, cohort.story, country)  # the whole household shares its fate
    roles = ["head"] + (["partner"] if size > 1 and rng.random() < 0.85 else [])
    roles += ["child"] * (size - len(roles))
    for index, role in enumerate(roles):
        if role == "child":
            born, precision = _birth(rng, 0, 17, max(entry, D(2018, 9, 30)))
        else:
            born, precision = _birth(rng, 19 if size > 1 else 18, 58, entry)
        sex = ("m" if index == 0 else "f") if size > 1 and role != "child" else rng.choice("mf")
        if size == 1 and rng.random() < 0.3:
            sex = "f"
        given = rng.choice(GIVEN[f"{region}_{sex}"])
        person = Person(municipality=municipality, family_name=family, given_names=given,
                        birth_date=born, birth_date_precision=precision, sex=sex,
                        citizenships=[country], entry_date=entry,
                        asylum_application_date=applied if cohort.story != "ukraine" else None,
                        assignment_date=assigned)
        if entry < D(2018, 10, 1) and rng.random() < 0.15:
            person.moved_away_date = _day_between(rng, D(2019, 1, 1), D(2024, 12, 31))
        refresh_keys(person)
        members.append((person, role,
                        _born_here(person, _statuses(rng, cohort.story, applied) + later)))
    return household, members


@transaction.atomic
def load(municipality: Municipality) -> int:
    """Create the demo persons unless they exist; returns how many persons were created."""
    with scope(municipality=municipality):
        if Person.objects.exists():
            return 0
        rng = random.Random(20180930)  # noqa: S311  (demo data, not security)
        households, plan = [], []
        number = 0
        for cohort in COHORTS:
            for size in [1] * cohort.singles + cohort.family_sizes():
                number += 1
                household, members = _household(rng, cohort, size, number, municipality)
                households.append(household)
                plan.append((household, members))
        Household.objects.bulk_create(households)
        persons = [p for _, members in plan for p, _, _ in members]
        Person.objects.bulk_create(persons)
        store_name_tokens(persons, created=True)
        links, statuses = [], []
        for household, members in plan:
            for person, role, history in members:
                links.append(HouseholdMember(municipality=municipality, household=household,
                                             person=person, role=role,
                                             valid_from=person.assignment_date))
                statuses += [LegalStatus(municipality=municipality, person=person, code=code,
                                         valid_from=start) for code, start in history]
        HouseholdMember.objects.bulk_create(links)
        LegalStatus.objects.bulk_create(statuses)
        refresh_municipality(municipality, timezone.localdate())
        timelines.refresh_municipality(municipality)
        for model, count in ((Household, len(households)), (Person, len(persons)),
                             (HouseholdMember, len(links)), (LegalStatus, len(statuses))):
            record_bulk(model, count, "demo data", municipality_id=municipality.pk)
        return len(persons)
