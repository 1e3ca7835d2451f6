"""The observation import (CSV/XLSX from the registration office, IT.NRW, the Jobcenter):
one row per indicator, period and area, all-or-nothing (kim/core/io), German numbers.

Columns: ``indicator`` (code), ``period`` (``2018``, ``2018-06``, ``30.06.2018`` – a
year or month means its last day), ``area`` (name or statistical code), ``institution``
(the name of a school, Kita … – an Organisation of the municipality; never together with
an area; both empty: the whole municipality), ``value``. A value already stored for the
same indicator, period and area or institution is replaced; the old value stays in
``Observation.previous`` and the import record keeps who brought which file. After the
rows are valid, the districts of each indicator and period are checked against the
municipality's figure (kim/stats/tables; institutions are not part of it): findings are
stored with the import and shown, they do not stop it (published tables are sometimes
inconsistent – [Soest] Tab. 6).
"""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict
from decimal import Decimal
from typing import IO, Any

from kim.core.io import cells
from kim.core.io.errors import CellProblem, gettext_noop
from kim.core.io.imports import Column, ImportResult, ImportSpec, Row, Validated, run_import
from kim.core.models import Area, Organisation
from kim.monitoring.models import Indicator, Observation, ObservationImport
from kim.stats import tables

TOTAL_LABEL = "Gesamt"


def period_end(value: str) -> datetime.date:
    """The last day of the year, month or day given."""
    try:
        day, precision = cells.partial_date(value)
    except CellProblem:
        raise CellProblem(gettext_noop("%(value)r is not a year, month or date"),
                          value=value) from None
    if precision == "year":
        return datetime.date(day.year, 12, 31)
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


SPEC = ImportSpec(columns=(
    Column("indicator", aliases=("Indikator", "code"), required=True, empty="error",
           parse=cells.text(60)),
    Column("period", aliases=("Zeitraum", "Stichtag", "Jahr"), required=True, empty="error",
           parse=period_end),
    Column("area", aliases=("Gebiet", "Bezirk", "Stadtteil"), parse=cells.text(120)),
    Column("institution", aliases=("Einrichtung", "Schule", "Kita"), parse=cells.text(200)),
    # parsed in the row check: a count reads "48.015" as 48015, a share "8,7" as 8.7
    Column("value", aliases=("Wert", "Anzahl"), required=True, empty="error",
           parse=cells.text(40)),
))
WHOLE = cells.whole(0, 10**10)
DECIMAL = cells.decimal(minimum=Decimal(0), max_digits=10)


def _area_lookup(municipality: Any) -> dict[str, Area]:
    found: dict[str, Area] = {}
    for area in Area.objects.filter(municipality=municipality):
        found[area.name.strip().lower()] = area
        if area.code:
            found[area.code.strip().lower()] = area
    return found


def _institution_lookup(municipality: Any) -> dict[str, Organisation]:
    return {org.name.strip().lower(): org
            for org in Organisation.objects.filter(municipality=municipality)}


def consistency(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Districts against the municipality per indicator and period (kim/stats/tables)."""
    by_indicator: dict[str, dict[datetime.date, dict[str, Decimal]]] = defaultdict(dict)
    for row in rows:
        area = row["area"]
        if row.get("institution") is not None:
            continue
        if area is not None and area.level != Area.Level.DISTRICT:
            continue
        table = by_indicator[row["indicator"].code].setdefault(row["period"], {})
        table[TOTAL_LABEL if area is None else area.name] = row["value"]
    findings: list[dict[str, Any]] = []
    for code, periods in by_indicator.items():
        names = sorted({n for t in periods.values() for n in t if n != TOTAL_LABEL})
        if not names:
            continue
        labels = [f"{code} {period:%d.%m.%Y}" for period in periods]
        grid = [[table.get(n) for n in [*names, TOTAL_LABEL]] for table in periods.values()]
        result = tables.check([*names, TOTAL_LABEL], labels, grid)
        findings += [f.as_dict() for f in result.findings]
    return findings


def import_observations(municipality: Any, user: Any, source: IO[bytes] | bytes,
                        filename: str, origin: str = "", *,
                        dry_run: bool = False) -> ImportResult:
    indicators = {i.code: i for i in Indicator.objects.filter(municipality=municipality)}
    areas = _area_lookup(municipality)
    institutions = _institution_lookup(municipality)
    seen: dict[tuple[str, datetime.date, str], int] = {}

    def row_check(line: int, values: dict[str, Any], result: Validated) -> None:
        code = values.get("indicator")
        if code is not None:
            indicator = indicators.get(code.strip().lower())
            if indicator is None:
                result.error(line, "indicator", gettext_noop("unknown indicator %(value)r"),
                             value=code)
            values["indicator"] = indicator
        name = (values.get("area") or "").strip()
        area = areas.get(name.lower()) if name else None
        if name and area is None:
            result.error(line, "area", gettext_noop("unknown area %(value)r"), value=name)
        values["area"] = area
        title = (values.get("institution") or "").strip()
        institution = institutions.get(title.lower()) if title else None
        if title and institution is None:
            result.error(line, "institution", gettext_noop("unknown institution %(value)r"),
                         value=title)
        elif title and name:
            result.error(line, "institution", gettext_noop(
                "give an area or an institution, not both"))
        values["institution"] = institution
        indicator, period = values.get("indicator"), values.get("period")
        if (indicator is not None and period is not None and (not name or area)
                and (not title or institution) and not (name and title)):
            unit = (f"a{area.pk}" if area else f"i{institution.pk}" if institution else "")
            key = (indicator.code, period, unit)
            if key in seen:
                result.error(line, "value", gettext_noop(
                    "the same indicator, period and area or institution as row %(other)s"),
                    other=seen[key])
            seen.setdefault(key, line)
        text = values.get("value")
        if text is not None:
            counts = indicator is not None and indicator.unit in ("persons", "count")
            try:
                values["value"] = Decimal((WHOLE if counts else DECIMAL)(text))
            except CellProblem as problem:
                result.error(line, "value", problem.message, **problem.params)

    def write(rows: list[Row]) -> ObservationImport:
        plain = [dict(r.values) for r in rows]
        record = ObservationImport.objects.create(
            municipality=municipality, created_by=user, filename=filename[:200],
            source=origin[:200], rows=len(rows), findings=consistency(plain))
        replaced = 0
        for row in plain:
            place = {"area": row["area"], "institution": row["institution"]}
            existing = Observation.objects.filter(indicator=row["indicator"],
                                                  period=row["period"], **place).first()
            if existing is None:
                Observation.objects.create(municipality=municipality, source_import=record,
                                           indicator=row["indicator"], period=row["period"],
                                           value=row["value"], **place)
                continue
            if existing.value != row["value"]:
                replaced += 1
                existing.previous = existing.value
            existing.value, existing.source_import = row["value"], record
            existing.computed = False
            existing.save()
        record.replaced = replaced
        record.save(update_fields=["replaced"])
        return record

    return run_import(SPEC, source, filename, write=write, dry_run=dry_run,
                      row_check=row_check)
