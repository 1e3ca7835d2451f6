"""Forecast of the next assignments (product.md §2.3) from a month's quota table.

Model: each month the Land assigns ``monthly_inflow`` persons. The Land total of credited
persons grows by that number, so every obligation grows with its key; the persons go one by
one to the municipality with the lowest quota (the rank rule: lowest quota, then larger
gap, then AGS). State-facility places stay as they are. The result for the own municipality
is the expected number of assignments per month and the accommodation they need: one place
per person, and one housing unit per household of the average size.

It is an estimate (floats are good enough here); the table itself is exact.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from kim.quota.domain.obligation import Table
from kim.rules.dates import add_months


@dataclass(frozen=True)
class ForecastMonth:
    month: date
    assignments: int
    cumulative: int
    quota_percent: Decimal  # the own quota at the end of the month
    places: int  # cumulative places needed (one per person)
    units: int  # cumulative housing units (households of the average size)


def forecast(table: Table, own_ags: str, first_month: date, months: int, monthly_inflow: int,
             household_size: Decimal) -> list[ForecastMonth]:
    own = next((i for i, r in enumerate(table.rows) if r.ags == own_ags), None)
    if own is None or months <= 0:
        return []
    keys = [float(r.key_percent) / 100 for r in table.rows]
    scale = 1 / sum(keys)  # a file whose keys do not add up to 100 % still distributes all
    keys = [k * scale for k in keys]
    credited = [float(r.credited) for r in table.rows]
    ags = [r.ags for r in table.rows]
    total = float(table.total_credited)
    result: list[ForecastMonth] = []
    cumulative = 0
    for step in range(months):
        total += monthly_inflow
        targets = [k * total for k in keys]
        heap = [(credited[i] / targets[i], credited[i] - targets[i], ags[i], i)
                for i in range(len(keys))]
        heapq.heapify(heap)
        received = 0
        for _ in range(monthly_inflow):
            _, _, _, i = heapq.heappop(heap)
            credited[i] += 1
            received += i == own
            heapq.heappush(heap, (credited[i] / targets[i], credited[i] - targets[i], ags[i], i))
        cumulative += received
        quota = Decimal(credited[own] / targets[own] * 100).quantize(Decimal("0.01"),
                                                                     ROUND_HALF_UP)
        result.append(ForecastMonth(add_months(first_month, step), received, cumulative, quota,
                                    cumulative, math.ceil(cumulative / float(household_size))))
    return result
