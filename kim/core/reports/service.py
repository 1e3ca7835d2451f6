"""Producing a report for an audience – the ONE place disclosure control is applied.

Views, the ``kim report`` command and (later) the API all call ``produce``; renderers only
ever see its ``ReportResult``, so no output path can skip disclosure control.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from kim.core.dataproblems import DataProblem, collecting
from kim.core.permissions.check import has_perm
from kim.core.replica import reporting
from kim.core.reports.disclosure import Cell, protect
from kim.core.reports.registry import Report, ReportParams


class Audience(enum.Enum):
    DETAIL = "detail"  # may see person-level data: exact figures
    AGGREGATE = "aggregate"  # aggregates only: disclosure-controlled figures


def audience_for(user: Any, report: Report, municipality: Any) -> Audience | None:
    """Which version of ``report`` the user may see; None: neither."""
    if has_perm(user, report.permission, municipality):
        return Audience.DETAIL
    needed = report.aggregate_permissions
    if needed and all(has_perm(user, name, municipality) for name in needed):
        return Audience.AGGREGATE
    return None


def any_report_visible(user: Any, municipality: Any) -> bool:
    """Whether some report has an audience the user belongs to (the navigation entry)."""
    from kim.core.reports.registry import reports

    return any(audience_for(user, report, municipality) is not None for report in reports)


@dataclass(frozen=True)
class ReportResult:
    """Everything a renderer needs; rows/totals already disclosure-controlled if required."""

    report: Report
    municipality_slug: str
    municipality_name: str
    params: ReportParams
    rows: list[dict[str, Any]]
    totals: dict[str, Any]
    aggregate: bool
    suppressed: bool = False
    suppressed_cells: list[tuple[Cell, str]] = field(default_factory=list)
    generated_at: datetime = field(default_factory=timezone.now)
    # Records left out because their stored values cannot be evaluated (kim.core.dataproblems)
    data_problems: list[DataProblem] = field(default_factory=list)

    @property
    def columns(self) -> tuple[Any, ...]:
        return self.report.columns

    @property
    def as_of(self) -> date:
        return self.params.as_of

    def filename(self, extension: str) -> str:
        period = (f"{self.params.period_start.isoformat()}_" if self.params.period_start
                  else "")
        return (f"{self.report.name}_{self.municipality_slug}_{period}"
                f"{self.as_of.isoformat()}.{extension}")


def produce(report: Report, municipality: Any, params: ReportParams | date, *,
            audience: Audience) -> ReportResult:
    """Compute ``report`` for ``municipality`` with ``params`` (or just a reference date)
    as ``audience`` may see it.

    Must run inside the municipality's scope (request middleware or the command).
    """
    if isinstance(params, date):
        params = ReportParams(as_of=params)
    with collecting() as problems, reporting():  # reads on a replica if configured
        # a record that cannot be evaluated is listed, not fatal
        data = report.check(report.compute(municipality, params))
    rows = [{key: row[key] for key in report.keys} for row in data.rows]  # column order
    totals = {key: data.totals[key] for key in report.keys if key in data.totals}
    base = {"report": report, "municipality_slug": municipality.slug,
            "municipality_name": municipality.name, "params": params,
            "data_problems": problems}
    if audience is Audience.DETAIL:
        return ReportResult(**base, rows=rows, totals=totals, aggregate=False)
    protected = protect(rows, totals, report.keys_of("count"), report.row_sums,
                        report.keys_of("percent"), report.relations)
    return ReportResult(**base, rows=protected.rows, totals=protected.totals, aggregate=True,
                        suppressed=protected.suppressed, suppressed_cells=protected.cells)
