"""Accommodation of soest-demo: facilities, places, stays since 2014, state facility counts
and a few incidents – reproducing [Soest] Tab. 3 and 5.5.1.2 (see plan.py).

Deterministic: a fixed seed, and nothing depends on the day the demo is loaded – except
the bus waiting for placement (bus.py), assigned on that day.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django_scopes import scope

from kim.core.audit.writer import record_bulk
from kim.core.domain.cldr import names
from kim.core.models import Area, Municipality
from kim.housing.demo import bus
from kim.housing.demo.history import factory
from kim.housing.demo.layout import FACILITIES, STATE, STATE_COUNTS
from kim.housing.demo.plan import HORIZON, PLACED, Home, Member, fit_placements, later_leaves
from kim.housing.demo.sim import Simulation, StayRecord
from kim.housing.domain import fehlbeleger, waitlist
from kim.housing.models import (
    Facility,
    Incident,
    Place,
    Placement,
    StateFacilityCount,
    Stay,
    Unit,
    WaitingListEntry,
)
from kim.people.domain import timelines
from kim.people.domain.deadlines import refresh_persons
from kim.people.domain.facts import FactStatus, decisions_for, regime_and_housing
from kim.people.domain.persons import refresh_keys, store_name_tokens
from kim.people.models import Household, HouseholdMember, LegalStatus, Person
from kim.rules import DEFAULT_PARAMS

# The plan's random choices. Tab. 3, Tab. 7 and the 252 residents of 30.09.2018 come out
# exactly for any seed (housing_plan fits them); this one also gives the Phase I/II split
# of about half ([Soest] 5.5.1.2) as 123 : 129.
# The demo town keeps no local tables (e.g. no own good-prospect list): the statutory
# parameters are its parameters (kim.people.domain.params.params_for gives the same).
PARAMS = DEFAULT_PARAMS
SEED = 2018_5603
D = datetime.date
TAB7_DAY = D(2018, 10, 1)


def _homes() -> list[Home]:
    statuses: dict[int, list] = defaultdict(list)
    for pid, code, start in LegalStatus.objects.order_by("valid_from").values_list(
            "person_id", "code", "valid_from"):
        statuses[pid].append((code, start))
    homes: dict[int, Home] = {}
    persons: dict[int, Person] = {}
    for m in (HouseholdMember.objects.filter(valid_to=None, person__assignment_date__isnull=False)
              .exclude(household__reference__startswith=bus.PREFIX)  # waiting, unhoused
              .select_related("person", "household").order_by("household__reference", "pk")):
        p = persons[m.person_id] = m.person
        member = Member(p.pk, p.sex, p.birth_date, p.moved_away_date, statuses[p.pk])
        home = homes.setdefault(m.household_id, Home(m.household.reference, [], p.assignment_date))
        home.members.append(member)
        home.arrival = min(home.arrival, p.assignment_date)
    result = sorted(homes.values(), key=lambda h: h.reference)
    for home in result:
        home.sgb_from = _sgb_from(home, persons)
    # One recognised family of six lives with relatives: 258 − 6 = 252 on 30.09.2018.
    next(h for h in result if h.cohort == "T7-NOW-SGB2" and h.size == 6).housed = False
    return result


def _sgb_from(home: Home, persons: dict[int, Person]) -> D | None:
    """The first day a member of ``home`` receives SGB II/XII, as the rules engine
    decides it on the Tab. 7 day (nobody of the demo returns to the AsylbLG)."""
    starts = []
    for member in home.members:
        history = [FactStatus(code, start) for code, start in member.statuses]
        decisions = decisions_for(persons[member.key], history, TAB7_DAY,  # type: ignore[index]
                                  params=PARAMS)
        if decisions and decisions["benefits"]["regime"] in waitlist.SGB_REGIMES:
            starts.append(D.fromisoformat(decisions["benefits"]["since"]))
    return min(starts, default=None)


def _engine_regime(members: list[Person], day: D) -> str:
    """The Tab. 7 row of a household placed on ``day``: what the rules engine decides for
    its members on that day (``waitlist.household_regime``)."""
    found = [regime_and_housing(p, list(p.statuses.all()), day, params=PARAMS)
             for p in members]
    return waitlist.household_regime([d[0] for d in found if d])


def _members(ids: list[int]) -> dict[int, list[Person]]:
    """Current members with their status histories, by household."""
    result: dict[int, list[Person]] = defaultdict(list)
    for m in (HouseholdMember.objects.filter(valid_to=None, household_id__in=ids)
              .select_related("person").order_by("pk")
              .prefetch_related(Prefetch("person__statuses",
                                         LegalStatus.objects.order_by("valid_from")))):
        result[m.household_id].append(m.person)
    return result


def _create_historic(municipality: Municipality, homes: list[Home]) -> list[int]:
    households = [Household(municipality=municipality, reference=h.reference,
                            name=_household_name(h.members[0].info))
                  for h in homes]
    Household.objects.bulk_create(households)
    persons, links, statuses = [], [], []
    for home in homes:
        for member in home.members:
            member.moved_away = home.leave
            entry = min(s for _, s in member.statuses) - datetime.timedelta(days=10)
            person = Person(municipality=municipality, family_name=str(member.info["family"]),
                            given_names=str(member.info["given"]), birth_date=member.birth,
                            sex=member.sex, citizenships=[member.info["country"]],
                            entry_date=entry, asylum_application_date=member.statuses[0][1],
                            assignment_date=home.arrival, moved_away_date=home.leave)
            refresh_keys(person)
            persons.append(person)
    Person.objects.bulk_create(persons)
    store_name_tokens(persons, created=True)
    it = iter(persons)
    for household, home in zip(households, homes, strict=True):
        for index, member in enumerate(home.members):
            person = next(it)
            member.key = person.pk
            links.append(HouseholdMember(municipality=municipality, household=household,
                                         person=person, valid_from=home.arrival,
                                         role="head" if index == 0 else
                                         "partner" if index == 1 else "child"))
            statuses += [LegalStatus(municipality=municipality, person=person, code=code,
                                     valid_from=start) for code, start in member.statuses]
    HouseholdMember.objects.bulk_create(links)
    LegalStatus.objects.bulk_create(statuses)
    for model, count in ((Household, len(households)), (Person, len(persons)),
                         (HouseholdMember, len(links)), (LegalStatus, len(statuses))):
        record_bulk(model, count, "demo data (accommodation history)",
                    municipality_id=municipality.pk)
    return [p.pk for p in persons]


# A spec's district that names the whole town, not an area of it.
WHOLE_TOWN = "Stadtgebiet"


def demo_area(municipality: Municipality, name: str) -> Area | None:
    """The district ``name`` of the demo town (created once; shared master data)."""
    if not name or name == WHOLE_TOWN:
        return None
    area, _created = Area.objects.get_or_create(municipality=municipality, name=name,
                                                level=Area.Level.DISTRICT)
    return area


def _create_places(municipality: Municipality, sim: Simulation) -> dict[tuple, Place]:
    specs = {f.code: f for f in FACILITIES}
    facilities = {code: Facility(municipality=municipality, code=code, name=f.name, kind=f.kind,
                                 address=f.address, area=demo_area(municipality, f.district),
                                 target_use=f.target_use, accessible=f.accessible)
                  for code, f in specs.items()}
    Facility.objects.bulk_create(facilities.values())
    unit_specs = {(f.code, u.name): u for f in FACILITIES for u in f.units}
    units = {}
    for state in sim.units + sim.flats:
        spec = unit_specs.get((state.facility, state.name))
        units[(state.facility, state.name)] = Unit(
            municipality=municipality, facility=facilities[state.facility], name=state.name,
            accessible=bool(spec and spec.accessible),
            floor="EG" if spec and spec.accessible else "")
    Unit.objects.bulk_create(units.values())
    places = {(s.facility, s.unit, s.label): Place(municipality=municipality,
                                                   unit=units[(s.facility, s.unit)],
                                                   label=s.label)
              for state in sim.units + sim.flats for s in state.slots}
    Place.objects.bulk_create(places.values())
    return places


def _stays(municipality: Municipality, records: list[StayRecord],
           places: dict[tuple, Place]) -> list[Stay]:
    return [Stay(municipality=municipality, person_id=r.member.key, start=r.start, end=r.end,
                 place=places[(r.slot.facility, r.slot.unit, r.slot.label)],
                 move_in_reason=r.move_in, move_out_reason=r.move_out,
                 phase1_exception_reason=r.exception)
            for r in sorted(records, key=lambda r: (r.start, r.end or D.max))]


INCIDENTS = [  # (facility, date-time, kind, reported by, text, measures) – invented
    ("OST", (2018, 8, 4, 23, 40), "security", "Sicherheitsdienst",
     "Lautstärke nach 22 Uhr in Modul B, Bewohner nach Ansprache einsichtig.", ""),
    ("OST", (2018, 9, 15, 1, 10), "conflict", "Sicherheitsdienst",
     "Streit um die Küchennutzung zwischen zwei Zimmern.",
     "Küchenplan mit Zeitfenstern, Gespräch mit der Sozialarbeit."),
    ("WALD", (2018, 6, 2, 14, 0), "damage", "Hausmeister",
     "Wasserschaden im Bad von Zimmer 07.", "Handwerker beauftragt."),
    ("WALD", (2025, 3, 12, 19, 30), "conflict", "Sozialarbeit",
     "Konflikt zwischen zwei Familien wegen Lärm der Kinder.",
     "Vermittlungsgespräch; eine Familie wünscht Umzug in Phase II."),
    ("SCHWARZ", (2025, 11, 2, 21, 15), "health", "Bewohnerin",
     "Notruf wegen Atemnot eines Kindes, Rettungsdienst vor Ort.", ""),
]


def _state_and_incidents(municipality: Municipality) -> None:
    state = Facility.objects.create(municipality=municipality, code=STATE.code,
                                    name=STATE.name, kind=STATE.kind,
                                    area=demo_area(municipality, STATE.district),
                                    target_use=STATE.target_use, active=False)
    for day, persons in STATE_COUNTS:
        StateFacilityCount.objects.create(municipality=municipality, facility=state, date=day,
                                          persons=persons)
    zone = timezone.get_default_timezone()
    by_code = {f.code: f for f in Facility.objects.filter(municipality=municipality)}
    for code, moment, kind, reporter, text, measures in INCIDENTS:
        Incident.objects.create(municipality=municipality, facility=by_code[code],
                                occurred_at=datetime.datetime(*moment, tzinfo=zone), kind=kind,
                                reported_by=reporter, description=text, measures=measures)


def _sync_accommodation(municipality: Municipality, stays: list[Stay]) -> None:
    """The import format's accommodation code/date follow the open stays."""
    codes = {p.pk: p for p in Place.objects.filter(municipality=municipality)
             .select_related("unit__facility")}
    current = {s.person_id: s for s in stays if s.end is None}
    persons = list(Person.objects.filter(pk__in=list(current)))
    for person in persons:
        stay = current[person.pk]
        person.accommodation_code = codes[stay.place_id].unit.facility.code
        person.accommodation_since = stay.start
    Person.objects.bulk_update(persons, ["accommodation_code", "accommodation_since"],
                               batch_size=500)
    record_bulk(Person, len(persons), "demo data: accommodation code from the stays",
                municipality_id=municipality.pk)


def _placements(municipality: Municipality, homes: list[Home]) -> int:
    """The integration team's record of the Tab. 7 "placed" households: kind from the cell
    (SW = flat rented by the town, PW = private), benefit regime at the placement from the
    rules engine on the placement day (the plan chose the days to fit the cells)."""
    ids = dict(Household.objects.filter(municipality=municipality)
               .values_list("reference", "pk"))
    placed = [(h, h.leave) for h in homes if h.cohort in PLACED and h.leave is not None]
    members = _members([ids[h.reference] for h, _ in placed])
    rows = [Placement(municipality=municipality, household_id=ids[h.reference],
                      kind="rented_flat" if "-SW-" in h.reference else "private",
                      placed_on=day, note="Demo",
                      regime=_engine_regime(members[ids[h.reference]], day))
            for h, day in placed]
    Placement.objects.bulk_create(rows)
    record_bulk(Placement, len(rows), "demo data", municipality_id=municipality.pk)
    return len(rows)


def _later_placements(municipality: Municipality) -> int:
    """After Tab. 7 (01.10.2018) the integration team records each household that moves
    from Phases I/II into an own flat, with the benefit regime of that day."""
    ended = (Stay.objects.filter(move_out_reason="own_flat", end__gt=TAB7_DAY)
             .values_list("person_id", "end"))
    links = dict(HouseholdMember.objects.filter(valid_to=None).values_list("person_id",
                                                                           "household_id"))
    moves: dict[int, D] = {}
    for person_id, end in ended:
        if person_id in links:
            moves[links[person_id]] = max(moves.get(links[person_id], end), end)
    done = set(Placement.objects.values_list("household_id", flat=True))
    members = _members([h for h in moves if h not in done])
    rows = [Placement(municipality=municipality, household_id=household_id, kind="private",
                      placed_on=day, note="Demo",
                      regime=_engine_regime(members[household_id], day))
            for household_id, day in sorted(moves.items()) if household_id not in done]
    Placement.objects.bulk_create(rows)
    record_bulk(Placement, len(rows), "demo data: placements after 2018",
                municipality_id=municipality.pk)
    return len(rows)


def _waiting_list(municipality: Municipality) -> int:
    """Today's waiting list: every household with a Fehlbeleger (entitled to an own flat,
    still in Phase I/II) on HORIZON – when nothing changes any more – applied a few weeks
    after the entitlement or the move-in, whichever is later."""
    rng = random.Random(SEED + 1)  # noqa: S311  (demo data, not security)
    entries, _residents = fehlbeleger.listing(municipality, HORIZON)
    links = dict(HouseholdMember.objects.filter(
        valid_to=None, person_id__in=[e.stay.person_id for e in entries])
        .values_list("person_id", "household_id"))
    applied: dict[int, D] = {}
    for entry in entries:
        household = links.get(entry.stay.person_id)
        if household is None:
            continue
        start = max(entry.since or entry.stay.start, entry.stay.start)
        day = min(HORIZON, start + datetime.timedelta(days=rng.randint(7, 60)))
        applied[household] = min(applied.get(household, day), day)
    rows = [WaitingListEntry(municipality=municipality, household_id=pk, applied_on=day,
                             note="Demo") for pk, day in sorted(applied.items())]
    WaitingListEntry.objects.bulk_create(rows)
    record_bulk(WaitingListEntry, len(rows), "demo data", municipality_id=municipality.pk)
    return len(rows)


def plan(homes: list[Home]) -> tuple[list[Home], Simulation, list[StayRecord]]:
    """The whole accommodation history, without touching the database."""
    rng = random.Random(SEED)  # noqa: S311  (demo data, not security)
    created = fit_placements(homes, rng, factory(rng))
    later_leaves(homes, rng)
    for home in created:
        for member in home.members:
            member.moved_away = home.leave
    sim = Simulation(rng)
    records = sim.run(sorted(homes + created, key=lambda h: (h.arrival, h.reference)))
    return created, sim, records


@transaction.atomic
def load(municipality: Municipality) -> int:
    """Create the accommodation data unless it exists; returns the number of stays."""
    with scope(municipality=municipality):
        if Facility.objects.exists() or not Person.objects.exists():
            return 0
        homes = _homes()
        created, sim, records = plan(homes)
        new_ids = _create_historic(municipality, created)
        places = _create_places(municipality, sim)
        stays = _stays(municipality, records, places)
        Stay.objects.bulk_create(stays, batch_size=500)
        _state_and_incidents(municipality)
        _sync_accommodation(municipality, stays)
        _placements(municipality, homes)
        _later_placements(municipality)
        _waiting_list(municipality)
        new_ids += bus.load(municipality)
        refresh_persons(municipality, new_ids, timezone.localdate())
        timelines.refresh_persons(municipality, new_ids)
        for model, count in ((Facility, len(FACILITIES)), (Unit, len(sim.units + sim.flats)),
                             (Place, len(places)), (Stay, len(stays))):
            record_bulk(model, count, "demo data", municipality_id=municipality.pk)
        return len(stays)


def _household_name(info: dict) -> str:
    """"Ahmadi (Afghanistan)": the demo's household names carry the country's German name
    (a code such as "AF" would show on German pages)."""
    country = info["country"]
    return f"{info['family']} ({names('territories', 'de').get(country, country)})"
