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
    return Chart(WIDTH, HEIGHT, drawn, " ".join(f"{p.x},{p.y}" for p in drawn), ticks,
                 LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM)
