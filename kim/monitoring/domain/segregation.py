"""Segregation series: dissimilarity, isolation and exposure (kim/stats/segregation) over
the units (areas or institutions) that have both a minority count and a total in a
period – e.g. residents with a migration background over districts, or pupils with a
migration background over schools ([IMIS]: 0 % to ~80 % between primary schools)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kim.monitoring.models import Indicator, Observation
from kim.stats.segregation import Unit, indices, round_half_up


@dataclass(frozen=True)
class Point:
    period: date
    units: int
    minority: int
    total: int
    dissimilarity: float
    isolation: float
    exposure: float


@dataclass(frozen=True)
class Gap:
    period: date
    reason: str  # why no index: kim.stats' message (English, for the log and tests)


AREAS, INSTITUTIONS = "areas", "institutions"


def _by_period(indicator: Indicator, over: str) -> dict[date, dict[int, int]]:
    unit = "institution" if over == INSTITUTIONS else "area"
    found: dict[date, dict[int, int]] = {}
    for period, pk, value in (Observation.objects.filter(indicator=indicator,
                                                         **{f"{unit}__isnull": False})
                              .values_list("period", unit, "value")):
        found.setdefault(period, {})[pk] = int(value)
    return found


SMALL = (1, 2)


def _has_small_count(units: list[Unit]) -> bool:
    return any(u.minority in SMALL or u.total - u.minority in SMALL or u.total in SMALL
               for u in units)


def segregation_series(minority: Indicator, total: Indicator, *, aggregate: bool = False,
                       over: str = AREAS) -> tuple[list[Point], list[Gap]]:
    """One point per period in which at least two units (``over``: the areas or the
    institutions) have both figures.

    ``aggregate``: for audiences that see counts only through disclosure control, a period
    in which a unit has a small count (1 or 2 of the group, of the others or in all) gets
    no index – three exact indices and the published totals could give it back."""
    small, big = _by_period(minority, over), _by_period(total, over)
    points: list[Point] = []
    gaps: list[Gap] = []
    for period in sorted(set(small) & set(big)):
        units = [Unit(str(area), small[period][area], big[period][area])
                 for area in sorted(set(small[period]) & set(big[period]))]
        if len(units) < 2:
            continue
        if aggregate and _has_small_count(units):
            gaps.append(Gap(period, "a unit has a small count"))
            continue
        try:
            result = indices(units)
        except ValueError as exc:  # a unit with minority > total, nobody of a group …
            gaps.append(Gap(period, str(exc)))
            continue
        points.append(Point(period, result.units, result.minority, result.total,
                            round_half_up(result.dissimilarity),
                            round_half_up(result.isolation), round_half_up(result.exposure)))
    return points, gaps
