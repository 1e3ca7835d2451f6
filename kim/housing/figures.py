"""Accommodation figures other modules may show (``KimModule.figures``)."""

from __future__ import annotations

import datetime
from typing import Any

from kim.housing.domain.occupancy import figures_by_facility


def occupied(municipality: Any, day: datetime.date) -> int:
    return sum(f.occupied for f in figures_by_facility(municipality, day).values())


def free(municipality: Any, day: datetime.date) -> int:
    return sum(f.free for f in figures_by_facility(municipality, day).values())
