"""The three-phase policy of a municipality ([Soest] 5.5.1.1) as dated settings.

The numbers are municipal policy, not law: each municipality may change them from a date
on (KimModule.settings of kim/housing/module.py; page "Settings" of the administration).
"""

from __future__ import annotations

import datetime

from kim.core.domain.settings import setting
from kim.core.models import Municipality

PHASE1_MONTHS = "housing.phase1_max_months"
PHASE3_MONTHS = "housing.phase3_offer_months"
ELDERLY_AGE = "housing.elderly_age"


def phase1_months(municipality: Municipality, day: datetime.date) -> int:
    return int(setting(municipality, PHASE1_MONTHS, day))


def phase3_months(municipality: Municipality, day: datetime.date) -> int:
    return int(setting(municipality, PHASE3_MONTHS, day))


def elderly_age(municipality: Municipality, day: datetime.date) -> int:
    return int(setting(municipality, ELDERLY_AGE, day))
