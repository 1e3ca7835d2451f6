"""Importing the Land's monthly statistics and reading them back (runs in the tenant scope)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from kim.core.audit.writer import record_bulk
from kim.core.models import Municipality
from kim.quota.domain import obligation
from kim.quota.domain.forecast import ForecastMonth, forecast
from kim.quota.domain.tables import CellError, InputError, gettext_noop
from kim.quota.models import LandStatistics, LandStatisticsRow, QuotaSettings
from kim.rules.dates import add_months, month_end


@dataclass(frozen=True)
class Imported:
    statistics: LandStatistics
    replaced: bool
    own_row: LandStatisticsRow | None


def import_statistics(municipality: Municipality, data: bytes, month: date, *,
                      filename: str = "", user: Any = None) -> Imported:
    """Validate the whole file and compute its table, then replace the month in one
    transaction. Raises ``InputError``/``ParameterMissing`` before writing anything."""
    month = month.replace(day=1)
    entries = obligation.read(data, filename or "data.csv")
    _check_leading_zeros(municipality, entries)
    table = obligation.compute(entries, month_end(month))
    return store_table(municipality, table, month, filename=filename, user=user)


def _check_leading_zeros(municipality: Municipality, entries: list[obligation.Entry]) -> None:
    """Excel turns the AGS 05974040 into the number 5974040: refuse such a file rather
    than store a Land table in which the municipality cannot find itself."""
    own = municipality.ags
    if own and own.startswith("0") and all(e.ags != own for e in entries):
        stripped = next((e for e in entries if e.ags == own.lstrip("0")), None)
        if stripped is not None:
            raise InputError([CellError(0, "ags", gettext_noop(
                "The AGS %(found)s looks like %(ags)s without its leading zero (a spreadsheet "
                "turned it into a number). Format the column as text and export again."),
                {"found": stripped.ags, "ags": own})])


MAX_QUOTA = Decimal("99999999.99")  # LandStatisticsRow.quota_percent: 10 digits, 2 decimals


def check_storable(table: obligation.Table) -> None:
    """A quota beyond what the table stores comes from a key that cannot be right (e.g.
    0.000000001 % for a town with stock): refuse the file, naming the municipality,
    instead of writing figures the history could not read back."""
    errors = [CellError(0, "key_percent", gettext_noop(
        "%(name)s (%(ags)s): a quota of %(quota)s %% is not plausible; check key_percent "
        "and stock."), {"name": r.name, "ags": r.ags, "quota": r.quota_percent})
        for r in table.rows if abs(r.quota_percent) > MAX_QUOTA]
    if errors:
        raise InputError(errors)


def store_table(municipality: Municipality, table: obligation.Table, month: date, *,
                filename: str = "", user: Any = None) -> Imported:
    """Store a computed month (replacing an earlier import of the same month)."""
    month = month.replace(day=1)
    check_storable(table)
    with transaction.atomic():
        old = LandStatistics.objects.filter(municipality=municipality, month=month).first()
        if old is not None:
            old.delete()  # its rows go with it, each delete audited
        stats = LandStatistics.objects.create(
            municipality=municipality, month=month, as_of=table.as_of,
            crediting_ref=table.crediting_ref, source_name=filename[:200],
            row_count=len(table.rows), total_credited=table.total_credited,
            imported_by=user if getattr(user, "is_authenticated", False) else None)
        LandStatisticsRow.objects.bulk_create(
            [_row(municipality, stats, r) for r in table.rows], batch_size=500)
        record_bulk(LandStatisticsRow, len(table.rows),
                    f"import {filename or '-'} for {month:%Y-%m}", municipality_id=municipality.pk)
    own = LandStatisticsRow.objects.filter(statistics=stats, ags=municipality.ags).first() \
        if municipality.ags else None
    return Imported(stats, old is not None, own)


def _row(municipality: Municipality, stats: LandStatistics,
         r: obligation.Fulfilment) -> LandStatisticsRow:
    return LandStatisticsRow(
        municipality=municipality, statistics=stats, ags=r.ags, name=r.name,
        key_percent=r.key_percent, stock=r.stock,
        facility_regular_places=r.facility_regular_places,
        facility_reserve_places=r.facility_reserve_places, credited=r.credited,
        obligation=r.obligation, gap=r.gap, quota_percent=r.quota_percent, rank=r.rank)


def statistics_for(as_of: date | None = None, month: date | None = None) -> LandStatistics | None:
    """The month asked for, else the latest month on or before ``as_of`` (else the latest)."""
    qs = LandStatistics.objects.all()
    if month is not None:
        return qs.filter(month=month.replace(day=1)).first()
    if as_of is not None:
        qs = qs.filter(month__lte=as_of)
    return qs.order_by("-month").first()


def months() -> list[date]:
    return list(LandStatistics.objects.order_by("-month").values_list("month", flat=True))


@dataclass(frozen=True)
class TableRow:
    """A stored row for display: read with ``values_list`` – 400 model instances (and their
    audit snapshots) would cost more than the page's whole calculation."""

    ags: str
    name: str
    key_percent: Decimal
    stock: int
    facility_regular_places: int
    facility_reserve_places: int
    credited: Decimal
    obligation: Decimal
    gap: Decimal
    quota_percent: Decimal
    rank: int


_TABLE_FIELDS = [f.name for f in fields(TableRow)]


def table_rows(stats: LandStatistics) -> list[TableRow]:
    return [TableRow(*values) for values in LandStatisticsRow.objects.filter(
        statistics=stats).order_by("rank").values_list(*_TABLE_FIELDS)]


def own_history(municipality: Municipality, until: date | None = None
                ) -> list[LandStatisticsRow]:
    """The own municipality's row of every imported month, oldest first (one query)."""
    if not municipality.ags:
        return []
    qs = LandStatisticsRow.objects.filter(ags=municipality.ags).select_related("statistics")
    if until is not None:
        qs = qs.filter(statistics__month__lte=until)
    return list(qs.order_by("statistics__month"))


def settings_for(municipality: Municipality) -> QuotaSettings:
    found = QuotaSettings.objects.filter(municipality=municipality).first()
    return found or QuotaSettings(municipality=municipality)


def expected_assignments(municipality: Municipality, stats: LandStatistics,
                         rows: list[TableRow]) -> list[ForecastMonth]:
    """Forecast from a stored month (recomputed exactly from its input figures)."""
    if not municipality.ags:
        return []
    entries = [obligation.Entry(r.ags, r.name, r.key_percent, r.stock,
                                r.facility_regular_places, r.facility_reserve_places)
               for r in rows]
    table = obligation.compute(entries, stats.as_of)
    conf = settings_for(municipality)
    return forecast(table, municipality.ags, add_months(stats.month, 1), conf.forecast_months,
                    conf.monthly_inflow, conf.household_size)
