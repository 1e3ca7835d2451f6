"""Who lives in municipal accommodation when: the periods behind [Soest] Tab. 3.

Every household of the people demo moves into Phase I/II accommodation on its assignment.
The Tab. 7 cohorts not yet placed on 01.10.2018 are still there on 30.09.2018 (252 persons;
one family of six lives with relatives instead). The cohorts placed since 09/2015 (Tab. 7
"SW"/"PW") leave on dates chosen so that the half-year counts of Tab. 3 come out exactly,
oldest arrivals first. The people demo has nobody assigned before autumn 2015, so the
311 persons of June 2015 and the peak of December 2015 are households created here
("HIST-…"), who left Soest again before 2018 (moved away or returned).

Tab. 7 files a placed household under the benefit regime of its placement day, and kim
takes that regime from the rules engine. So a household of an "…-ASYL" cell leaves before
its first member receives SGB II/XII (``sgb_from``, from the engine), one of an "…-SGB2"
cell on or after that day. Children born after the arrival count from their birthday.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from kim.housing.demo.layout import MUNICIPAL_TARGETS

D = datetime.date
DAY = datetime.timedelta(days=1)
HORIZON = D(2026, 1, 1)  # nothing is planned after this date: the demo never changes
NOT_PLACED = ("T7-NOW-ASYL", "T7-NOTYET", "T7-NOTPL-SAFE", "T7-NOTPL-DULD", "T7-NOW-SGB2")
PLACED = ("T7-SW-ASYL", "T7-PW-ASYL", "T7-SW-SGB2", "T7-PW-SGB2")
PERMITS = frozenset({"refugee", "subsidiary", "asylum_granted", "deportation_ban",
                     "temporary_protection"})


@dataclass
class Member:
    key: object  # person id, or a placeholder for a person still to be created
    sex: str
    birth: D
    moved_away: D | None = None
    statuses: list[tuple[str, D]] = field(default_factory=list)
    info: dict[str, object] = field(default_factory=dict)  # for persons still to be created


@dataclass
class Home:
    reference: str
    members: list[Member]
    arrival: D
    leave: D | None = None  # leaves shared accommodation (Phases I/II)
    after: str = "own_flat"  # own_flat | rented_flat | moved_away | departure
    housed: bool = True
    sgb_from: D | None = None  # first day a member receives SGB II/XII (rules engine)

    @property
    def cohort(self) -> str:
        return self.reference.rsplit("-", 1)[0]

    @property
    def size(self) -> int:
        return len(self.members)

    def size_on(self, day: D) -> int:
        """Members born by ``day`` – a child born later moves in on its birthday."""
        return sum(1 for m in self.members if m.birth <= day)

    def leave_window(self) -> tuple[D, D]:
        """The days on which the household may be placed so that the engine puts it into
        its Tab. 7 row: AsylbLG before ``sgb_from``, SGB II/XII from it on."""
        if self.cohort.endswith("-SGB2"):
            return self.sgb_from or D.max, D.max
        if self.cohort.endswith("-ASYL") and self.sgb_from is not None:
            return D.min, self.sgb_from - DAY
        return D.min, D.max


def between(rng: random.Random, start: D, end: D) -> D:
    return start + datetime.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def fit_placements(homes: list[Home], rng: random.Random,
                   historic: Callable[[int, D, D], list[Home]]) -> list[Home]:
    """Choose the leave dates of the placed cohorts (and create historic households) so that
    the municipal accommodation counts match MUNICIPAL_TARGETS. Returns the new homes."""
    fixed = [h for h in homes if h.cohort in NOT_PLACED and h.housed]
    flexible = sorted((h for h in homes if h.cohort in PLACED),
                      key=lambda h: (h.arrival, h.reference))
    created: list[Home] = []
    previous: D | None = None
    for index, (day, target) in enumerate(MUNICIPAL_TARGETS):
        need = target - sum(h.size_on(day) for h in fixed if h.arrival <= day)
        pool = [h for h in created + flexible if h.arrival <= day and h.leave is None]
        have = sum(h.size_on(day) for h in pool)
        if have < need:
            first = previous + DAY if previous else day - datetime.timedelta(days=270)
            created += historic(need - have, first, day - DAY)
        excess = max(0, have - need)
        following = MUNICIPAL_TARGETS[index + 1][0] if index + 1 < len(MUNICIPAL_TARGETS) \
            else D.max
        # Historic households first, then those who could not be placed in their Tab. 7
        # row after the next count, then the oldest arrivals.
        for home in sorted(pool, key=lambda h: (not h.reference.startswith("HIST"),
                                                h.leave_window()[1] >= following,
                                                h.arrival, h.reference)):
            if excess == 0:
                break
            size = home.size_on(day)
            opens, closes = home.leave_window()
            earliest = max(home.arrival + 14 * DAY, previous + DAY if previous else home.arrival,
                           opens)
            latest = min(day, closes)
            if size <= excess and earliest <= latest:
                # Early in the half-year rather than late: the peaks between the published
                # counts must fit into the 360 places.
                home.leave = between(rng, earliest, between(rng, earliest, latest))
                excess -= size
        if excess:
            raise RuntimeError(f"Cannot match the count of {day}: {excess} persons too many")
        previous = day
    for home in flexible:
        home.after = "rented_flat" if "-SW-" in home.reference else "own_flat"
    return created


def later_leaves(homes: list[Home], rng: random.Random) -> None:
    """After 2018: who finds an own flat (the rest stays – today's Fehlbeleger)."""
    for home in homes:
        if home.leave is not None or not home.housed:
            continue
        permit = min((start for m in home.members for code, start in m.statuses
                      if code in PERMITS), default=None)
        chance, start, end = 0.0, HORIZON, HORIZON
        if home.cohort == "T7-NOW-SGB2":
            chance, start, end = 0.8, D(2018, 11, 1), D(2021, 12, 31)
        elif home.cohort == "LATER-UA" and permit:
            chance, start, end = 0.7, home.arrival + 90 * DAY, home.arrival + 450 * DAY
        elif permit and home.cohort in NOT_PLACED + ("T7-NOTYET-OCT", "LATER-ASYL"):
            chance, start, end = 0.75, permit + 60 * DAY, permit + 540 * DAY
        elif home.cohort.startswith("T7-NOTPL"):
            chance, start, end = 0.1, D(2019, 6, 1), D(2024, 12, 31)
        if rng.random() < chance:
            day = between(rng, max(start, D(2018, 10, 1)), end)
            home.leave = day if day < HORIZON else None
