"""An indicator's observations as a table (periods × areas) – exact for readers of the
figures, disclosure-controlled for aggregate audiences (kim/core/reports/disclosure →
kim/stats: "<3", "x", "." with the LP audit).

The table an aggregate reader sees: one row per period, one column per area and the
whole municipality. A reader knows that the areas of one level add up to the whole when
they do (a row sum); when they cover only part of it, the rest is a latent cell (≥ 0).
Rates of persons (numerator/denominator) hide a value wherever their numerator's count
is hidden: a share of a hidden small count would give it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from kim.core.reports.disclosure import protect
from kim.monitoring.models import Indicator, Observation

TOWN = "town"  # column key of the whole municipality
REST = "rest"  # latent: the part of the municipality no published area covers


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    area_id: int | None
    institution_id: int | None = None


@dataclass
class Series:
    indicator: Indicator
    columns: list[Column]
    rows: list[dict[str, Any]]  # {"period": date, key: Decimal | int | marker | None}
    protected: bool  # disclosure control was applied
    hidden: int = 0  # cells shown as a marker

    def values(self, key: str) -> list[tuple[date, Decimal]]:
        """The points of one column that are figures (markers and gaps left out)."""
        return [(row["period"], Decimal(row[key])) for row in self.rows
                if isinstance(row.get(key), int | Decimal)]


def _column_key(area_id: int | None, institution_id: int | None = None) -> str:
    return f"i{institution_id}" if institution_id is not None else f"a{area_id}"


def _plain(value: Decimal, counts: bool) -> int | Decimal:
    return int(value) if counts and value == value.to_integral_value() else value.normalize()


def raw_table(indicator: Indicator) -> tuple[list[Column], list[dict[str, Any]]]:
    """Columns: the town, its areas, then its institutions (each sorted by name)."""
    observations = list(Observation.objects.filter(indicator=indicator)
                        .select_related("area", "institution").order_by("period"))
    areas: dict[int, str] = {}
    institutions: dict[int, str] = {}
    for obs in observations:
        if obs.area is not None:
            areas.setdefault(obs.area.pk, obs.area.name)
        if obs.institution is not None:
            institutions.setdefault(obs.institution.pk, obs.institution.name)
    columns = [Column(TOWN, str(indicator.municipality.name), None)]
    columns += [Column(_column_key(pk), name, pk)
                for pk, name in sorted(areas.items(), key=lambda item: item[1])]
    columns += [Column(_column_key(None, pk), name, None, pk)
                for pk, name in sorted(institutions.items(), key=lambda item: item[1])]
    by_period: dict[date, dict[str, Any]] = {}
    counts = indicator.unit in ("persons", "count")
    for obs in observations:
        row = by_period.setdefault(obs.period, {"period": obs.period})
        key = (TOWN if obs.area_id is None and obs.institution_id is None
               else _column_key(obs.area_id, obs.institution_id))
        row[key] = _plain(obs.value, counts)
    return columns, [by_period[p] for p in sorted(by_period)]


def _protect_counts(columns: list[Column], rows: list[dict[str, Any]]
                    ) -> tuple[list[dict[str, Any]], int]:
    """Disclosure control of a count table: rows are periods; where the areas add up to
    the town figure the reader knows it, else a latent rest closes the sum. Institutions
    are the same kind of parts when no area has a figure in the period (a school's pupils
    and a district's residents never add up together)."""
    keys = [c.key for c in columns]
    by_area = [c.key for c in columns if c.area_id is not None]
    by_institution = [c.key for c in columns if c.institution_id is not None]
    protected_rows: list[dict[str, Any]] = []
    hidden = 0
    for row in rows:  # each period is its own table (differences over time: see README)
        present = [k for k in by_area if isinstance(row.get(k), int)] or [
            k for k in by_institution if isinstance(row.get(k), int)]
        counts = [k for k in keys if isinstance(row.get(k), int)]
        if not counts:
            protected_rows.append(dict(row))
            continue
        single = {k: row[k] for k in counts}
        sums: dict[str, list[str]] = {}
        if TOWN in single and present:
            exact = sum(single[k] for k in present) == single[TOWN]
            sums = {TOWN: present if exact else [*present, REST]}
        result = protect([single], {}, counts, sums)
        shown = result.rows[0]
        hidden += len(result.cells)
        protected_rows.append({**row, **shown})
    return protected_rows, hidden


def series(indicator: Indicator, *, aggregate: bool) -> Series:
    """The indicator's table; ``aggregate``: as an aggregate audience may see it."""
    columns, rows = raw_table(indicator)
    if not aggregate:
        return Series(indicator, columns, rows, protected=False)
    if indicator.counts_persons:
        shown, hidden = _protect_counts(columns, rows)
        return Series(indicator, columns, shown, protected=True, hidden=hidden)
    numerator = indicator.numerator
    if numerator is not None and numerator.counts_persons:
        guard = {row["period"]: row for row in series(numerator, aggregate=True).rows}
        keys = {c.label: c.key for c in columns}
        guard_keys = {c.label: c.key for c in raw_table(numerator)[0]}
        shown, hidden = [], 0
        for row in rows:
            other = guard.get(row["period"], {})
            new = dict(row)
            for label, key in keys.items():
                marker = other.get(guard_keys.get(label, ""))
                if key in new and isinstance(marker, str):
                    new[key] = "x"
                    hidden += 1
            shown.append(new)
        return Series(indicator, columns, shown, protected=True, hidden=hidden)
    return Series(indicator, columns, rows, protected=True)
