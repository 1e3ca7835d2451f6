"""Households in Soest's accommodation in 2014–2016 who left before 2018 ("HIST-…").

[Soest] Tab. 3 counts 311 persons in municipal accommodation in June 2015 and 350 in
December 2015, before most of the people demo's persons were assigned. These households
fill that gap: asylum seekers of 2014/15, the Syrians, Iraqis and Eritreans among them
recognised within a year; all moved away from Soest (or, from the Western Balkans,
returned) when they left the accommodation – so no figure of 2018 counts them.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from kim.housing.demo.plan import DAY, Home, Member, between
from kim.people.demo.names import FAMILY, GIVEN, REGION

D = datetime.date
COUNTRIES = ["SY", "SY", "SY", "IQ", "AF", "ER", "AL", "AL", "XK", "RS", "MK"]
RECOGNISED = {"SY": "refugee", "IQ": "subsidiary", "ER": "refugee"}
BALKAN = {"AL", "XK", "RS", "MK"}


def factory(rng: random.Random) -> Callable[[int, D, D], list[Home]]:
    """``make(count, first, last)``: households of ``count`` persons in all, arriving
    between ``first`` and ``last``."""
    number = [0]

    def member(country: str, sex: str, born: D, family: str, applied: D) -> Member:
        given = rng.choice(GIVEN[f"{REGION[country]}_{sex}"])
        statuses = [("gestattung", applied)]
        if country in RECOGNISED:
            statuses.append((RECOGNISED[country], applied + rng.randint(120, 330) * DAY))
        return Member(None, sex, born, None, statuses,
                      {"family": family, "given": given, "country": country})

    def make(count: int, first: D, last: D) -> list[Home]:
        homes = []
        while count > 0:
            size = min(rng.choice([1, 1, 1, 1, 1, 2, 3, 4, 5]), count)
            count -= size
            number[0] += 1
            arrival = between(rng, first, last)
            country = rng.choice(COUNTRIES)
            family = rng.choice(FAMILY[REGION[country]])
            applied = arrival - rng.randint(20, 60) * DAY
            head_sex = "m" if size > 1 or rng.random() < 0.8 else "f"
            members = [member(country, head_sex, between(rng, D(1960, 1, 1), D(1996, 12, 31)),
                              family, applied)]
            if size > 1:
                members.append(member(country, "f", between(rng, D(1965, 1, 1),
                                                             D(1997, 12, 31)), family, applied))
            for _ in range(size - len(members)):
                members.append(member(country, rng.choice("mf"),  # born before the flight
                                      between(rng, D(1998, 1, 1), applied - 30 * DAY), family,
                                      applied))
            homes.append(Home(f"HIST-{number[0]:03d}", members, arrival,
                              after="departure" if country in BALKAN else "moved_away"))
        return homes

    return make
