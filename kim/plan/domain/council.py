"""The council's status report (PDF): cover page, contents, one section per field of
action with a chart of the measures' states and its data table, then every measure's
status as of the date. Charts are inline SVG built here (no outside URLs, no script)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from kim.core.pdf import html_to_pdf
from kim.plan.domain.status import Change, PlanView, changes, plan_as_of
from kim.plan.models import Plan, State
from kim.rules.dates import add_years

COLOURS = {"not_started": "#9e9e9e", "in_progress": "#1565c0", "done": "#2e7d32",
           "stopped": "#c62828"}
BAR_WIDTH = 160.0  # mm-like SVG units of the bar area


@dataclass(frozen=True)
class Segment:
    state: str
    label: str
    count: int
    x: float
    width: float
    colour: str


def bar(states: dict[str, int]) -> list[Segment]:
    """One stacked bar of the states (their share of the measures)."""
    total = sum(states.values())
    segments, x = [], 0.0
    for code, label in State.choices:
        count = states.get(code, 0)
        if not count or not total:
            continue
        width = BAR_WIDTH * count / total
        segments.append(Segment(code, str(label), count, round(x, 2), round(width, 2),
                                COLOURS[code]))
        x += width
    return segments


def context(plan: Plan, day: datetime.date, since: datetime.date | None = None
            ) -> dict[str, Any]:
    view: PlanView = plan_as_of(plan, day)
    since = since or add_years(day, -1)
    changed: list[Change] = changes(plan, since, day)
    sections = [{"view": fv, "bar": bar(dict(fv.states)),
                 "state_rows": [(str(label), fv.states.get(code, 0))
                                for code, label in State.choices]}
                for fv in view.fields]
    return {"plan": plan, "view": view, "day": day, "since": since, "sections": sections,
            "total_bar": bar(dict(view.states)), "changes": changed,
            "legend": [(str(label), COLOURS[code]) for code, label in State.choices],
            "municipality_name": plan.municipality.name,
            "generated_at": timezone.now()}


def pdf(plan: Plan, day: datetime.date, since: datetime.date | None = None) -> bytes:
    return html_to_pdf(render_to_string("plan/council_report.html",
                                        context(plan, day, since)))


