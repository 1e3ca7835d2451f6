"""Figures kim already computes that a measure may show next to it (issue: "show the
current figure next to the measure"). Each figure names who may see it exactly and who
only as a privacy-safe aggregate (1–2 shown as "<3"); everyone else sees no figure.

Monitoring indicators, courses and volunteer figures join here when those modules exist.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kim.core.permissions.check import has_perm


@dataclass(frozen=True)
class Figure:
    key: str
    label: Promise
    detail: str  # permission for the exact figure
    aggregate: str  # permission for the aggregate (small values hidden)
    compute: Callable[[Any, datetime.date], int]


def _occupancy(municipality: Any, day: datetime.date) -> tuple[int, int]:
    from kim.housing.domain.occupancy import figures_by_facility

    figures = figures_by_facility(municipality, day).values()
    return sum(f.occupied for f in figures), sum(f.free for f in figures)


FIGURES = {f.key: f for f in (
    Figure("housing_occupied", _("Persons in municipal accommodation"),
           "housing.facilities:read", "reports.housing_aggregates:read",
           lambda m, d: _occupancy(m, d)[0]),
    Figure("housing_free", _("Free places in municipal accommodation"),
           "housing.facilities:read", "reports.housing_aggregates:read",
           lambda m, d: _occupancy(m, d)[1]),
)}
CHOICES = [(key, figure.label) for key, figure in FIGURES.items()]


@dataclass(frozen=True)
class Shown:
    label: str
    value: str


def shown(keys: set[str], user: Any, municipality: Any, day: datetime.date
          ) -> dict[str, Shown]:
    """The figures ``keys`` as ``user`` may see them on ``day`` (one computation each)."""
    result = {}
    for key in sorted(keys):
        figure = FIGURES.get(key)
        if figure is None:
            continue
        exact = has_perm(user, figure.detail, municipality)
        if not exact and not has_perm(user, figure.aggregate, municipality):
            continue
        value = figure.compute(municipality, day)
        text = "<3" if not exact and 0 < value < 3 else str(value)
        result[key] = Shown(str(figure.label), text)
    return result
