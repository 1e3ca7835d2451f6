"""The three-phase policy of a municipality ([Soest] 5.5.1.1) as dated settings.

The numbers are municipal policy, not law: each municipality may change them from a date
on (KimModule.settings of kim/housing/module.py; page "Settings"). ``three_phase`` reads
all three in one query for pages that judge many stays at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from kim.core.domain.settings import settings_on
from kim.core.models import Municipality

PHASE1_MONTHS = "housing.phase1_max_months"
PHASE3_MONTHS = "housing.phase3_offer_months"
ELDERLY_AGE = "housing.elderly_age"


@dataclass(frozen=True)
class ThreePhase:
    phase1_months: int = 6  # the defaults of the declarations ([Soest] 5.5.1.1)
    phase3_months: int = 24
    elderly_age: int = 65


DEFAULT_THREE_PHASE = ThreePhase()


def three_phase(municipality: Municipality | int, day: datetime.date) -> ThreePhase:
    values = settings_on(municipality, (PHASE1_MONTHS, PHASE3_MONTHS, ELDERLY_AGE), day)
    return ThreePhase(int(values[PHASE1_MONTHS]), int(values[PHASE3_MONTHS]),
                      int(values[ELDERLY_AGE]))


def phase1_months(municipality: Municipality, day: datetime.date) -> int:
    return three_phase(municipality, day).phase1_months


def phase3_months(municipality: Municipality, day: datetime.date) -> int:
    return three_phase(municipality, day).phase3_months
