"""Geometry of kim's server-rendered SVG line charts (pure Python, no Django).

One implementation for every line chart over periods (a monitoring indicator, a report
that is a series): templates draw what this computes. Every point is also in the data
table beside the chart (product.md §6); a missing or hidden value ("<3", "x", ".") is a
gap in its line, never drawn as a value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 32, 16, 40  # room for the labels at both ends
MAX_X_LABELS = 10


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    period: Any  # a date (placed by time) or a label (placed evenly)
    value: Decimal
    labelled: bool  # show the period under the axis


@dataclass(frozen=True)
class Line:
    points: list[Point]
    segments: list[str]  # SVG polyline coordinates, one per unbroken run of points


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    lines: list[Line]
    x_labels: list[tuple[float, Any]]  # (x, period) under the axis
    y_ticks: list[tuple[float, str]]
    left: int
    right: float
    bottom: float
    target_y: float | None = None  # a reference line (the quota's 100 %)

    @property
    def points(self) -> list[Point]:
        """The first line's points (a chart of one series)."""
        return self.lines[0].points

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


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


def _figure(value: Any) -> Decimal | None:
    """A drawable value; None for a gap (missing, or a hidden cell's marker)."""
    if value is None or isinstance(value, str | bool):
        return None
    return Decimal(str(value))


def chart(periods: Sequence[Any], series: Sequence[Sequence[Any]], *,
          top_at_least: float = 0.0, target: float | None = None) -> Chart | None:
    """The chart of ``series`` (each a value per period, in order) over ``periods``;
    dates are placed by time, anything else evenly. The y axis reaches at least
    ``top_at_least``; ``target`` adds a reference line. None when nothing can be drawn."""
    values = [[_figure(v) for v in line] for line in series]
    drawn = [float(v) for line in values for v in line if v is not None]
    if not periods or not drawn:
        return None
    top = max(max(drawn), top_at_least, target or 0.0, 0.0)
    step = _nice_step(top) if top > 0 else 1.0
    top = max(step, math.ceil(top / step) * step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y_of(value: float) -> float:
        return round(TOP + plot_h * (1 - value / top), 1)

    if all(isinstance(p, date) for p in periods):
        first, last = periods[0].toordinal(), periods[-1].toordinal()
        offsets = [(p.toordinal() - first) / max(last - first, 1) for p in periods]
    else:
        offsets = [i / max(len(periods) - 1, 1) for i in range(len(periods))]
    xs = [round(LEFT + (plot_w * o if len(periods) > 1 else plot_w / 2), 1) for o in offsets]
    every = max(1, math.ceil(len(periods) / MAX_X_LABELS))
    last = len(periods) - 1  # always labelled; a grid label too close to it is left out
    labelled = [i == last or (i % every == 0 and last - i >= every * 0.75)
                for i in range(len(periods))]
    lines = []
    for line in values:
        points: list[Point] = []
        runs: list[list[str]] = [[]]
        for i, value in enumerate(line):
            if value is None:
                runs.append([])  # a gap ends the run
                continue
            point = Point(xs[i], y_of(float(value)), periods[i], value, labelled[i])
            points.append(point)
            runs[-1].append(f"{point.x},{point.y}")
        lines.append(Line(points, [" ".join(run) for run in runs if run]))
    ticks = [(y_of(i * step), _label(i * step)) for i in range(int(round(top / step)) + 1)]
    x_labels = [(xs[i], p) for i, p in enumerate(periods) if labelled[i]]
    return Chart(WIDTH, HEIGHT, lines, x_labels, ticks, LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM,
                 y_of(target) if target is not None else None)


def line_chart(points: Sequence[tuple[date, Decimal]]) -> Chart | None:
    """The chart of one series of (period, value) pairs in order; None without points."""
    return chart([p for p, _ in points], [[v for _, v in points]])
