"""Who lives in which place: a day-by-day simulation of arrivals, Phase I → II moves and
move-outs over the demo facilities, following the three-phase model ([Soest] 5.5.1.1).

Families arrive in Waldstraße and single men at Ostenhellweg (single women go straight to
Phase II); after five to seven months – families with school children after a few weeks –
they move on to a Phase II unit as soon as one fits the whole household. Where none is
free they stay in Phase I, and for most of them the reason is recorded.
"""

from __future__ import annotations

import datetime
import heapq
import itertools
import random
from dataclasses import dataclass, field

from kim.housing.demo.layout import FACILITIES, SCHWARZER_WEG_1, FacilitySpec
from kim.housing.demo.plan import DAY, HORIZON, Home, Member
from kim.housing.domain.phases import of_school_age
from kim.rules.dates import add_months

D = datetime.date
NO_PLACE_REASON = "Kein passender Platz in Phase II frei"
STAYS_REASON = "Betreuung in der Einrichtung erforderlich"
# Households (without school children) that move on to Phase II at all; the others stay in
# Phase I until they leave – Soest had about half of its 252 residents in each phase.
TRANSFER_SHARE = 0.4
USES = {"family": {"phase1": ["families"], "phase2": ["families", "mixed", "vulnerable"]},
        "single_man": {"phase1": ["single_men"], "phase2": ["single_men", "mixed"]},
        "single_woman": {"phase1": ["families"], "phase2": ["single_women", "mixed"]}}


@dataclass
class Slot:
    facility: str
    unit: str
    label: str
    occupant: object = None


@dataclass
class UnitState:
    facility: str
    kind: str
    name: str
    use: str
    opens: D | None
    slots: list[Slot] = field(default_factory=list)

    def free(self) -> list[Slot]:
        return [s for s in self.slots if s.occupant is None]


@dataclass
class StayRecord:
    member: Member
    slot: Slot
    start: D
    end: D | None = None
    move_in: str = "arrival"
    move_out: str = ""
    exception: str = ""


def composition(home: Home) -> str:
    if home.size > 1:
        return "family"
    return "single_woman" if home.members[0].sex == "f" else "single_man"


class Simulation:
    def __init__(self, rng: random.Random, facilities: list[FacilitySpec] = FACILITIES):
        self.rng = rng
        self.units = [UnitState(f.code, f.kind, u.name, u.target_use or f.target_use, u.opens,
                                [Slot(f.code, u.name, str(i)) for i in range(1, u.places + 1)])
                      for f in facilities for u in f.units]
        self.flats: list[UnitState] = []
        self.stays: list[StayRecord] = []
        self.open: dict[int, StayRecord] = {}  # id(member) -> open stay
        self.events: list[tuple[D, int, int, str, Home, Member | None]] = []
        self.waiting_since: dict[int, D] = {}
        self.sequence = itertools.count()

    def schedule(self, day: D | None, order: int, kind: str, home: Home,
                 member: Member | None = None) -> None:
        if day is not None and day < HORIZON:
            heapq.heappush(self.events, (day, order, next(self.sequence), kind, home, member))

    def run(self, homes: list[Home]) -> list[StayRecord]:
        for home in homes:
            if not home.housed:
                continue
            self.schedule(home.arrival, 2, "arrive", home)
            self.schedule(home.leave, 0, "leave", home)
            for member in home.members:
                self.schedule(member.moved_away, 0, "away", home, member)
                if member.birth > home.arrival:
                    self.schedule(member.birth, 1, "born", home, member)
        while self.events:
            day, _, _, kind, home, member = heapq.heappop(self.events)
            getattr(self, kind)(day, home, member)
        return self.stays

    def present(self, home: Home) -> list[Member]:
        return [m for m in home.members if id(m) in self.open]

    def find(self, day: D, kind: str, uses: list[str], size: int) -> list[Slot] | None:
        fitting = [u for u in self.units if u.kind == kind and u.use in uses
                   and (u.opens is None or u.opens <= day) and len(u.free()) >= size]
        if not fitting:
            return None
        best = min(fitting, key=lambda u: (len(u.free()) - size, u.facility, u.name))
        return best.free()[:size]

    def scatter(self, day: D, kinds: list[str], size: int) -> list[Slot]:
        free = [s for u in sorted(self.units, key=lambda u: (u.kind != kinds[0], -len(u.free())))
                if u.kind in kinds and (u.opens is None or u.opens <= day) for s in u.free()]
        if len(free) < size:
            raise RuntimeError(f"No room for {size} persons on {day}")
        return free[:size]

    def occupy(self, day: D, members: list[Member], slots: list[Slot], reason: str,
               exception: str = "") -> None:
        for member, slot in zip(members, slots, strict=True):
            slot.occupant = member
            record = StayRecord(member, slot, day, move_in=reason, exception=exception)
            self.stays.append(record)
            self.open[id(member)] = record

    def vacate(self, day: D, member: Member, reason: str) -> StayRecord | None:
        record = self.open.pop(id(member), None)
        if record is not None:
            record.end, record.move_out = day, reason
            record.slot.occupant = None
        return record

    def arrive(self, day: D, home: Home, _member: Member | None) -> None:
        members = [m for m in home.members
                   if (m.moved_away is None or m.moved_away > day) and m.birth <= day]
        kind = composition(home)
        order = ["phase2", "phase1"] if kind == "single_woman" else ["phase1", "phase2"]
        slots = None
        for phase in order:
            slots = self.find(day, phase, USES[kind][phase], len(members))
            if slots:
                break
        if not slots:  # no unit fits the whole household: spread it over free places
            slots = self.scatter(day, ["phase1", "phase2"], len(members))
        self.occupy(day, members, slots, "arrival")
        if self.units_of(slots[0]).kind == "phase1":
            school = kind == "family" and any(of_school_age(m.birth, day) for m in members)
            if self.rng.random() < TRANSFER_SHARE:
                wait = self.rng.randint(30, 120) if school else self.rng.randint(150, 420)
                self.schedule(day + wait * DAY, 1, "transfer", home)
            else:
                if self.rng.random() < 0.6:  # stays in Phase I: the reason is usually recorded
                    for member in members:
                        self.open[id(member)].exception = STAYS_REASON
                if self.rng.random() < 0.7:  # Schwarzer Weg (2019) eased the pressure
                    late = max(add_months(day, 12), SCHWARZER_WEG_1)
                    self.schedule(late + self.rng.randint(0, 540) * DAY, 1, "transfer", home)

    def born(self, day: D, home: Home, member: Member | None) -> None:
        """A child born in Germany joins its family where it lives: in the family's unit
        if a place is free there (a rented flat grows by one place), else elsewhere in the
        same facility, else wherever a place is free."""
        present = self.present(home)
        if member is None or not present:
            return
        unit = self.units_of(self.open[id(present[0])].slot)
        if unit.kind == "rented_flat" and not unit.free():
            unit.slots.append(Slot(unit.facility, unit.name, str(len(unit.slots) + 1)))
        slots = unit.free()[:1] or [s for u in self.units if u.facility == unit.facility
                                    for s in u.free()][:1]
        self.occupy(day, [member], slots or self.scatter(day, ["phase1", "phase2"], 1),
                    "family")

    def units_of(self, slot: Slot) -> UnitState:
        return next(u for u in self.units + self.flats
                    if u.facility == slot.facility and u.name == slot.unit)

    def transfer(self, day: D, home: Home, _member: Member | None) -> None:
        members = self.present(home)
        if not members or any(self.units_of(self.open[id(m)].slot).kind != "phase1"
                              for m in members):
            return
        slots = self.find(day, "phase2", USES[composition(home)]["phase2"], len(members))
        if slots:
            for member in members:
                self.vacate(day, member, "transfer")
            self.occupy(day, members, slots, "phase_change")
            return
        first = min(self.open[id(m)].start for m in members)
        if day >= add_months(first, 6) and id(home) not in self.waiting_since:
            self.waiting_since[id(home)] = day
            if self.rng.random() < 0.6:
                for member in members:
                    self.open[id(member)].exception = NO_PLACE_REASON
        self.schedule(day + 30 * DAY, 1, "transfer", home)

    def leave(self, day: D, home: Home, _member: Member | None) -> None:
        members = self.present(home)
        out = "transfer" if home.after == "rented_flat" else home.after
        for member in members:
            self.vacate(day, member, out)
        if home.after == "rented_flat" and members:
            flat = UnitState("MIETW", "rented_flat", f"Wohnung {len(self.flats) + 1:03d}",
                             "families", None,
                             [Slot("MIETW", f"Wohnung {len(self.flats) + 1:03d}", str(i))
                              for i in range(1, len(members) + 1)])
            self.flats.append(flat)
            self.occupy(day, members, flat.slots, "phase_change")

    def away(self, day: D, home: Home, member: Member | None) -> None:
        if member is not None:
            self.vacate(day, member, "moved_away")

