"""The indicator charts: the line chart is kim's one line-chart geometry
(kim.core.charts); the bar chart compares the areas of one period (pure Python).

Every value is also in the data table beside the chart (product.md §6); hidden cells
("<3", "x", ".") are gaps in the line and get no bar, never drawn as a value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kim.core.charts import RIGHT, WIDTH, Chart, Point, line_chart
from kim.core.charts import _label as tick_label
from kim.core.charts import _nice_step as nice_step

__all__ = ["Chart", "Point", "bar_chart", "line_chart", "period_format"]


def period_format(periods: Sequence[date]) -> str:
    """Date format of the x labels: the year, or month and year when a year has several
    points (a monthly series)."""
    return "m.Y" if len({p.year for p in periods}) < len(periods) else "Y"


BAR_LEFT, BAR_ROW, BAR_TOP, BAR_BOTTOM = 150, 30, 8, 28
BAR_LABEL_CHARS = 20  # longer area names are shortened in the chart (the table has them)


@dataclass(frozen=True)
class Bar:
    label: str
    y: float  # top of the bar
    baseline: float  # of the label and the value text, centred on the bar
    width: float  # 0 for a hidden value or a gap
    text_x: float  # the value text starts just after the bar
    value: Decimal | None
    text: str  # the value as the table shows it, or its marker ("<3", "x", "."; no bar)


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    x_ticks: list[tuple[float, str]]
    left: int
    right: float
    bottom: float
    bar_height: int


def bar_chart(values: Sequence[tuple[str, Decimal | str | None, str]]) -> BarChart | None:
    """Horizontal bars of one period, one per area: (label, figure or marker or None,
    text shown beside the bar); None without any figure to draw."""
    figures = [float(v) for _, v, _t in values if isinstance(v, Decimal)]
    if not figures:
        return None
    top = max(figures)
    step = nice_step(top) if top > 0 else 1.0
    top = max(step, math.ceil(top / step) * step)
    plot_w = WIDTH - BAR_LEFT - RIGHT
    bars = []
    for i, (label, value, text) in enumerate(values):
        short = label if len(label) <= BAR_LABEL_CHARS else label[:BAR_LABEL_CHARS - 1] + "…"
        number = value if isinstance(value, Decimal) else None
        width = round(plot_w * float(number) / top, 1) if number is not None else 0
        y = BAR_TOP + i * BAR_ROW + 4
        bars.append(Bar(short, y, y + (BAR_ROW - 8) / 2 + 4, width, BAR_LEFT + width + 6,
                        number, text))
    bottom = BAR_TOP + len(bars) * BAR_ROW
    ticks = [(round(BAR_LEFT + plot_w * i * step / top, 1), tick_label(i * step))
             for i in range(int(round(top / step)) + 1)]
    return BarChart(WIDTH, bottom + BAR_BOTTOM, bars, ticks, BAR_LEFT, WIDTH - RIGHT, bottom,
                    BAR_ROW - 8)
