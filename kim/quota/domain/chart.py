"""The chart of the own quota per month: kim's one line-chart geometry (kim.core.charts)
with the y axis up to at least 120 % and a line at 100 % (pure Python).

The template draws it; every point also appears in the data table beside the chart, so
screen-reader users lose nothing (product.md §6).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from kim.core.charts import Chart, chart


def quota_chart(series: Sequence[tuple[date, Decimal]]) -> Chart | None:
    return chart([m for m, _ in series], [[v for _, v in series]], top_at_least=120,
                 target=100)
