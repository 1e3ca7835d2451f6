"""Geometry of the server-rendered SVG line chart of an indicator (pure Python).

Every point is also in the data table beside the chart (product.md §6); hidden cells
("<3", "x", ".") are gaps in the line, never drawn as a value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40
MAX_X_LABELS = 10


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    period: date
    value: Decimal
    labelled: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    points: list[Point]
    polyline: str
    y_ticks: list[tuple[float, str]]
    left: int
    right: float
    bottom: float
    period_format: str = "Y"  # of the x labels: years, or months for a monthly series


def _nice_step(top: float) -> float:
    """A round tick step giving four to eight ticks up to ``top``."""
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def _label(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") if value >= 10 or value == int(value) else (
        f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ","))


def line_chart(points: Sequence[tuple[date, Decimal]]) -> Chart | None:
    """The chart of one series (periods in order); None without points."""
    if not points:
        return None
    top = max(float(v) for _, v in points)
    step = _nice_step(top) if top > 0 else 1.0
    top = max(step, math.ceil(top / step) * step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y_of(value: float) -> float:
        return round(TOP + plot_h * (1 - value / top), 1)

    first, last = points[0][0].toordinal(), points[-1][0].toordinal()
    span = max(last - first, 1)
    every = max(1, math.ceil(len(points) / MAX_X_LABELS))
    drawn = [Point(round(LEFT + (plot_w * (p.toordinal() - first) / span
                                 if len(points) > 1 else plot_w / 2), 1),
                   y_of(float(v)), p, v, i % every == 0 or i == len(points) - 1)
             for i, (p, v) in enumerate(points)]
    ticks = [(y_of(i * step), _label(i * step)) for i in range(int(round(top / step)) + 1)]
    years = {p.year for p, _v in points}
    return Chart(WIDTH, HEIGHT, drawn, " ".join(f"{p.x},{p.y}" for p in drawn), ticks,
                 LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM,
                 "m.Y" if len(years) < len(points) else "Y")


BAR_LEFT, BAR_ROW, BAR_TOP, BAR_BOTTOM = 150, 30, 8, 28
BAR_LABEL_CHARS = 22  # longer area names are shortened in the chart (the table has them)


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
    step = _nice_step(top) if top > 0 else 1.0
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
    ticks = [(round(BAR_LEFT + plot_w * i * step / top, 1), _label(i * step))
             for i in range(int(round(top / step)) + 1)]
    return BarChart(WIDTH, bottom + BAR_BOTTOM, bars, ticks, BAR_LEFT, WIDTH - RIGHT, bottom,
                    BAR_ROW - 8)
