"""Persons in municipal and state accommodation at half-year ends ([Soest] Tab. 3)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Min

from kim.core.models import Municipality
from kim.housing.domain.occupancy import covering
from kim.housing.models import SHARED_KINDS, StateFacilityCount, Stay

MAX_ROWS = 21  # ten years of half-years, plus the as-of date


def half_year_ends(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """30 June / 31 December from the one on or after ``first`` up to ``last``, plus
    ``last`` itself when it is not a half-year end; at most MAX_ROWS, the latest kept."""
    days = []
    year = first.year
    while True:
        for day in (datetime.date(year, 6, 30), datetime.date(year, 12, 31)):
            if first <= day <= last:
                days.append(day)
        if year >= last.year:
            break
        year += 1
    if not days or days[-1] != last:
        days.append(last)
    return days[-MAX_ROWS:]


def start_of_data(municipality: Municipality) -> datetime.date | None:
    firsts = [Stay.objects.filter(municipality=municipality).aggregate(d=Min("start"))["d"],
              StateFacilityCount.objects.filter(municipality=municipality)
              .aggregate(d=Min("date"))["d"]]
    known = [d for d in firsts if d is not None]
    return min(known) if known else None


def municipal_counts(municipality: Municipality, days: list[datetime.date]) -> list[int]:
    """Distinct persons in shared accommodation on each day – one query."""
    if not days:
        return []
    stays = Stay.objects.filter(municipality=municipality,
                                place__unit__facility__kind__in=SHARED_KINDS)
    result = stays.aggregate(**{f"d{i}": Count("person", distinct=True, filter=covering(day))
                                for i, day in enumerate(days)})
    return [result[f"d{i}"] for i in range(len(days))]


def state_counts(municipality: Municipality, days: list[datetime.date]) -> list[int]:
    """Sum over state facilities of the latest count on or before each day – one query."""
    if not days:
        return []
    counts = list(StateFacilityCount.objects.filter(municipality=municipality,
                                                    date__lte=max(days))
                  .order_by("date").values_list("facility_id", "date", "persons"))
    result = []
    for day in days:
        latest: dict[int, int] = {}
        for facility_id, date, persons in counts:
            if date <= day:
                latest[facility_id] = persons
        result.append(sum(latest.values()))
    return result


def series(municipality: Municipality, as_of: datetime.date) -> list[dict]:
    first = start_of_data(municipality)
    if first is None or first > as_of:
        return []
    days = half_year_ends(first, as_of)
    municipal = municipal_counts(municipality, days)
    state = state_counts(municipality, days)
    return [{"day": d, "municipal": m, "state": s} for d, m, s in zip(days, municipal, state,
                                                                      strict=True)]
