"""Geometry of the server-rendered SVG line chart of the own quota per month (pure Python).

The template draws it; every point also appears in the data table beside the chart, so
screen-reader users lose nothing (product.md §6).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
MAX_X_LABELS = 12


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    month: date
    value: Decimal
    labelled: bool  # show the month under the axis


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    points: list[Point]
    polyline: str
    y_ticks: list[tuple[float, int]]  # (y, percent)
    target_y: float  # the 100 % line
    left: int
    right: float
    bottom: float


def quota_chart(series: Sequence[tuple[date, Decimal]]) -> Chart | None:
    if not series:
        return None
    top_value = max(120, math.ceil(max(float(v) for _, v in series) / 20) * 20)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y_of(value: float) -> float:
        return round(TOP + plot_h * (1 - value / top_value), 1)

    step = plot_w / max(len(series) - 1, 1)
    every = max(1, math.ceil(len(series) / MAX_X_LABELS))
    points = [Point(round(LEFT + (i * step if len(series) > 1 else plot_w / 2), 1),
                    y_of(float(v)), m, v, i % every == 0 or i == len(series) - 1)
              for i, (m, v) in enumerate(series)]
    ticks = [(y_of(t), t) for t in range(0, top_value + 1, 20 if top_value <= 200 else 50)]
    return Chart(WIDTH, HEIGHT, points, " ".join(f"{p.x},{p.y}" for p in points), ticks,
                 y_of(100), LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM)
