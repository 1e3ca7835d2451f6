"""The report registry: what a report is and where apps register theirs.

A report is a definition (name, title, columns, permissions, the parameters it takes) plus
a domain function ``compute(municipality, params) -> ReportData``. Renderers and disclosure
control live elsewhere (kim.core.reports.service, kim.core.reports.renderers); see
kim/core/reports/README.md. Modules declare their reports in ``KimModule.reports``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from django.utils.functional import Promise

from kim.core.permissions.registry import registry as permission_registry
from kim.core.reports.relations import RowRelation

Kind = Literal["text", "count", "number", "percent"]
KINDS = ("text", "count", "number", "percent")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Column:
    """One column. ``text`` columns are dimensions; ``count`` columns count persons (they
    are what disclosure control protects); ``number`` is any other figure (capacity,
    money) and ``percent`` a share in percent (hidden when its row has a hidden count).

    ``sum_of`` declares a count column as the row sum of other count columns, so that
    disclosure control knows the equation it publishes.

    ``code`` marks a text column holding a stable code for machines (a status code, an
    ISO date beside its label): JSON, CSV and XLSX carry it, the web page and the PDF
    show only the label column beside it.

    ``iso`` marks a text column of ISO dates ("date": 2018-09-30) or months ("month":
    2018-09): JSON, CSV and XLSX keep them, the web page and the PDF show them localised.
    """

    key: str
    label: Promise | str
    kind: Kind = "count"
    sum_of: tuple[str, ...] = ()
    code: bool = False
    iso: Literal["", "date", "month"] = ""

    @property
    def is_dimension(self) -> bool:
        return self.kind == "text"


@dataclass(frozen=True)
class ReportData:
    """What ``compute`` returns: rows keyed by column key, and column totals.

    ``totals`` holds a value for each count/number/percent column that has a published
    total; a count column's total must be the sum of that column. Dimension columns are
    not part of ``totals``.
    """

    rows: list[dict[str, Any]]
    totals: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Series:
    """A report whose rows are a series (one row per period): the web page and the PDF
    draw ``lines`` (count/number/percent columns) over ``x`` (a text column, in row
    order) above the table, which holds every drawn figure."""

    x: str
    lines: tuple[str, ...]


Param = Literal["as_of", "period", "area"]
PARAMS = ("as_of", "period", "area")


@dataclass(frozen=True)
class ReportParams:
    """What a report is asked for. ``as_of`` is always set (the reference date; for a
    period report its last day); ``period_start`` only for reports declaring "period"
    (then the period is ``period_start`` … ``as_of``); ``area`` (an Area of the
    municipality) only for reports declaring "area", None meaning the whole municipality."""

    as_of: date
    period_start: date | None = None
    area: Any = None


Compute = Callable[[Any, ReportParams], ReportData]


@dataclass(frozen=True)
class Report:
    name: str
    title: Promise | str
    columns: tuple[Column, ...]
    compute: Compute
    permission: str  # person-level detail
    # The aggregate-only audience: the permission of the data area the report's figures
    # come from (product.md §3, the "A" entries: e.g. "reports.housing_aggregates:read"),
    # or several when its cells combine areas – then all are needed. None: no such
    # audience (the default: a report shows aggregates to nobody until it says whom).
    aggregate_permission: str | tuple[str, ...] | None = None
    description: Promise | str = ""
    params: tuple[Param, ...] = ("as_of",)
    # Linear relations among cells besides sum_of and column totals (kim/core/reports/relations.py)
    relations: tuple[RowRelation, ...] = ()
    # Drawn as a line chart above the table (web page and PDF); None: a table only
    series: Series | None = None
    # The columns that name a row: repeated in every part when the PDF splits a wide
    # table into column groups (default: the first column shown)
    row_label: tuple[str, ...] = ()

    @property
    def aggregate_permissions(self) -> tuple[str, ...]:
        if self.aggregate_permission is None:
            return ()
        if isinstance(self.aggregate_permission, str):
            return (self.aggregate_permission,)
        return tuple(self.aggregate_permission)

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    def keys_of(self, *kinds: Kind) -> list[str]:
        return [c.key for c in self.columns if c.kind in kinds]

    @property
    def shown_columns(self) -> tuple[Column, ...]:
        """The columns of the web page and the PDF: all but the machine codes."""
        return tuple(c for c in self.columns if not c.code)

    @property
    def row_sums(self) -> dict[str, tuple[str, ...]]:
        return {c.key: c.sum_of for c in self.columns if c.sum_of}

    def validate(self) -> None:
        if not NAME_RE.match(self.name):
            raise ValueError(f"Report name {self.name!r} must be lower_snake_case")
        keys = self.keys
        if not keys or len(set(keys)) != len(keys):
            raise ValueError(f"Report {self.name!r}: column keys must be present and unique")
        counts = set(self.keys_of("count"))
        for col in self.columns:
            if col.kind not in KINDS:
                raise ValueError(f"Report {self.name!r}: column {col.key!r} has kind {col.kind!r}")
            if col.sum_of and (col.kind != "count" or not set(col.sum_of) <= counts - {col.key}):
                raise ValueError(f"Report {self.name!r}: {col.key!r} must sum count columns")
        if "as_of" not in self.params or not set(self.params) <= set(PARAMS):
            raise ValueError(f"Report {self.name!r}: parameters {self.params} must include "
                             f"'as_of' and be among {PARAMS}")
        for col in self.columns:
            if (col.code or col.iso) and col.kind != "text":
                raise ValueError(f"Report {self.name!r}: code or date column {col.key!r} "
                                 f"must be text")
        if not self.shown_columns:
            raise ValueError(f"Report {self.name!r}: every column is a code")
        shown = {c.key for c in self.shown_columns}
        if not set(self.row_label) <= shown:
            raise ValueError(f"Report {self.name!r}: row label {self.row_label} must be shown "
                             f"columns")
        if self.series is not None and (
                self.series.x not in set(self.keys_of("text")) or not self.series.lines
                or not set(self.series.lines) <= set(self.keys_of("count", "number", "percent"))):
            raise ValueError(f"Report {self.name!r}: the series must draw figure columns "
                             f"over a text column")
        for relation in self.relations:
            if problem := relation.problem(self.keys_of("count"), self.keys_of("text")):
                raise ValueError(f"Report {self.name!r}: relation {relation}: {problem}")
        permission_registry.get(self.permission)
        if self.aggregate_permission is not None and not self.aggregate_permissions:
            raise ValueError(f"Report {self.name!r}: an empty aggregate audience; use None")
        for name in self.aggregate_permissions:
            permission_registry.get(name)

    def check(self, data: ReportData) -> ReportData:
        """Fail loudly if ``compute`` broke the stable shape the JSON output promises."""
        keys = set(self.keys)
        for i, row in enumerate(data.rows):
            if set(row) != keys:
                raise ValueError(f"Report {self.name!r}: row {i} has keys {sorted(row)}, "
                                 f"expected {sorted(keys)}")
        extra = set(data.totals) - set(self.keys_of("count", "number", "percent"))
        if extra:
            raise ValueError(f"Report {self.name!r}: totals for unknown columns {sorted(extra)}")
        return data


class ReportRegistry:
    def __init__(self) -> None:
        self._reports: dict[str, Report] = {}

    def register(self, report: Report) -> Report:
        report.validate()
        if report.name in self._reports:
            raise ValueError(f"Report {report.name!r} is registered twice")
        self._reports[report.name] = report
        return report

    def unregister(self, name: str) -> None:
        """For tests that register a report of their own."""
        del self._reports[name]

    def get(self, name: str) -> Report:
        return self._reports[name]  # KeyError for unknown names

    @property
    def names(self) -> list[str]:
        return sorted(self._reports)

    def __iter__(self) -> Iterator[Report]:
        return iter(sorted(self._reports.values(), key=lambda r: r.name))

    def __contains__(self, name: object) -> bool:
        return name in self._reports


reports = ReportRegistry()
