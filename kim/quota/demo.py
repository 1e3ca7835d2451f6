"""Demo Land distribution statistics for soest-demo (product.md §2.3, [Soest] Tab. 1).

A fictitious Land of 396 municipalities (NRW has 396) with generated names, populations,
areas and state facilities; one table per month from January 2017 to the current month.
Soest keeps its published key 0.267870503 % throughout, and in September 2018 has the
published stock 172 in a Land whose credited total is 81 155, so the quota page and
``kim report quota --as-of 2018-09-30`` show [Soest] Tab. 1: obligation 217.39, gap −45.39,
quota 79.12 %. All other figures are invented. Deterministic (fixed seed).
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from kim.core.models import Municipality
from kim.quota.domain.keys import Municipality as Area
from kim.quota.domain.keys import flueag_keys, percent_output
from kim.quota.domain.obligation import Entry, compute
from kim.quota.domain.params import crediting_on
from kim.quota.domain.statistics import store_table
from kim.quota.models import LandStatistics
from kim.rules.dates import add_months, month_end

SOEST_AGS = "05974040"
SOEST_KEY = Decimal("0.267870503")
TAB1_MONTH = date(2018, 9, 1)
TAB1_TOTAL = 81155  # 0.00267870503 × 81 155 = 217.39
TAB1_STOCK = 172
FIRST_MONTH = date(2017, 1, 1)
OTHERS = 395

_PREFIXES = ["Alt", "Neu", "Ober", "Nieder", "Wester", "Oster", "Hohen", "Kirch", "Berg",
             "Lind", "Eichen", "Buchen", "Wald", "Mühl", "Stein", "Sand", "Roth", "Weiden",
             "Bruch", "Hassel"]
_SUFFIXES = ["hausen", "dorf", "feld", "heim", "berg", "bach", "stadt", "hagen", "kirchen",
             "rode", "beck", "loh", "brück", "horst", "wede", "scheid", "ohl", "ern", "au",
             "born"]
# Land total of credited persons (anchor months; linear in between): falling after
# 2016, Tab. 1 in September 2018, rising again with the arrivals of 2022–2024.
_TOTALS = [(date(2017, 1, 1), 92_000), (TAB1_MONTH, TAB1_TOTAL), (date(2020, 12, 1), 76_000),
           (date(2022, 2, 1), 78_000), (date(2023, 6, 1), 118_000), (date(2025, 12, 1), 131_000)]
# Soest's own quota (%) at anchor months.
_SOEST_QUOTA = [(date(2017, 1, 1), 91.0), (TAB1_MONTH, 79.12), (date(2019, 12, 1), 97.0),
                (date(2022, 3, 1), 101.0), (date(2023, 6, 1), 94.0), (date(2025, 12, 1), 99.0)]


def _interpolate(anchors: list[tuple[date, float]], month: date) -> float:
    index = month.year * 12 + month.month
    points = [(d.year * 12 + d.month, v) for d, v in anchors]
    if index <= points[0][0]:
        return points[0][1]
    for (i0, v0), (i1, v1) in zip(points, points[1:], strict=False):
        if index <= i1:
            return v0 + (v1 - v0) * (index - i0) / (i1 - i0)
    return points[-1][1]


def _land(rng: random.Random) -> tuple[list[tuple[str, str, Decimal]], list[tuple[int, int]]]:
    """(ags, name, key %) of the other municipalities, and their state-facility places."""
    names = [p + s for p in _PREFIXES for s in _SUFFIXES]
    rng.shuffle(names)
    areas = [Area(f"05{100000 + i * 2011:06d}", names[i], int(rng.lognormvariate(10.2, 0.9)),
                  Decimal(rng.randint(15, 400))) for i in range(OTHERS)]
    shares = [k.share * (100 - SOEST_KEY) / 100 for k in flueag_keys(areas, TAB1_MONTH)]
    keys = percent_output(shares)  # the others add up to 100 − Soest's key exactly
    places = [(rng.choice([300, 500, 600, 800, 1000]), rng.choice([100, 150, 200, 250]))
              if rng.random() < 0.06 else (0, 0) for _ in areas]
    return [(a.ags, a.name, k) for a, k in zip(areas, keys, strict=True)], places


def _month(rng: random.Random, land: list[tuple[str, str, Decimal]],
           places: list[tuple[int, int]], bias: list[float], month: date) -> list[Entry]:
    total = round(_interpolate(_TOTALS, month))
    soest = (TAB1_STOCK if month == TAB1_MONTH else
             round(float(SOEST_KEY) / 100 * total * _interpolate(_SOEST_QUOTA, month) / 100))
    rates = crediting_on(month_end(month)).value
    # The places are chosen so that every credit is a whole number (e.g. 150 × 10 %).
    facility = [int(r * rates.regular + s * rates.reserve) for r, s in places]
    wanted = [max(0.0, float(k) / 100 * total * (b + rng.uniform(-0.03, 0.03)) - f)
              for (_, _, k), b, f in zip(land, bias, facility, strict=True)]
    scale = (total - soest - sum(facility)) / sum(wanted)
    stocks = [round(w * scale) for w in wanted]
    biggest = stocks.index(max(stocks))
    stocks[biggest] += total - soest - sum(facility) - sum(stocks)  # hit the total exactly
    entries = [Entry(SOEST_AGS, "Soest", SOEST_KEY, soest, 0, 0)]
    entries += [Entry(ags, name, key, stock, r, s)
                for (ags, name, key), stock, (r, s) in zip(land, stocks, places, strict=True)]
    return entries


@transaction.atomic
def load(municipality: Municipality, until: date | None = None) -> int:
    """Create the monthly statistics unless some exist; returns the number of months."""
    with scope(municipality=municipality):
        if LandStatistics.objects.exists():
            return 0
        rng = random.Random(20181007)  # noqa: S311  (demo data, not security)
        land, places = _land(rng)
        bias = [rng.uniform(0.85, 1.15) for _ in land]
        last = (until or timezone.localdate()).replace(day=1)
        month, count = FIRST_MONTH, 0
        while month <= last:
            table = compute(_month(rng, land, places, bias, month), month_end(month))
            store_table(municipality, table, month, filename=f"demo vs_{month:%y_%m}.csv")
            month, count = add_months(month, 1), count + 1
        return count
