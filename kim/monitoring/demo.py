"""The monitoring part of the demo town soest-demo: five districts (the Soester Süden with
its concentration of families with a migration background), the [IMIS]/[Soest] catalogue,
and annual series 2009–2025.

Reproduced seed figures ([Soest] Tab. 2, whole town, 31.12.): foreigners 3,023 (2009),
2,880 (2011), 3,294 (2013), 4,024 (2015), 4,276 (2017); residents with a migration
background 12,708 / 12,100 / 12,770 / 13,503 / 14,047; [Soest] 5.2: about 150 newcomer
pupils at municipal schools at the start of 2018; [Soest] Tab. 5 (school year 2018/19):
the 16 municipal schools' pupils, foreign pupils and pupils in inclusive classes (GU), as
town totals, per school (institution observations on the town's Organisations of the
same names, which the education demo creates) and as the Duncan index over the eight
primary schools (0.4435, also on the segregation page over the primary schools). Years between and
after are interpolated and continued (invented); the district split is invented. The counts
kim computes from the demo's own records (``kim monitoring refresh``) are added for the
last twelve month ends.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone
from django_scopes import scope

from kim.core.models import Area, Organisation, OrganisationKind
from kim.monitoring.catalogue import load_catalogue
from kim.monitoring.domain.computed import refresh
from kim.monitoring.models import Indicator, Observation
from kim.rules.dates import add_months
from kim.stats.segregation import Unit, indices, round_half_up

# District: share of all residents, share of residents with a migration background
DISTRICTS = (("Soest-Mitte", 22, 17), ("Soest-Nord", 20, 16), ("Soest-Ost", 18, 13),
             ("Soest-Süd", 22, 40), ("Soest-West", 18, 14))
TAB2_FOREIGN = {2009: 3023, 2011: 2880, 2013: 3294, 2015: 4024, 2017: 4276}
TAB2_MIGRATION = {2009: 12708, 2011: 12100, 2013: 12770, 2015: 13503, 2017: 14047}
# Residents: not in Tab. 2, chosen so that its shares (26.5 … 28.7 % with a migration
# background, 6.3 … 8.7 % foreigners, 20.2 … 20.0 % Germans with one) come out as printed
TAB2_RESIDENTS = {2009: 47955, 2011: 46360, 2013: 48030, 2015: 48755, 2017: 48920}
YEARS = range(2009, 2026)
# [Soest] Tab. 5, school year 2018/19: school -> (pupils, foreign pupils, pupils in GU);
# grammar and comprehensive schools with Sek. II ("gesamt")
# (named as the education demo names the schools, the Organisations of the town)
TAB5_PRIMARY = {"Bruno-Grundschule": (179, 8, 4), "Hellweg-Grundschule": (189, 6, 1),
                "Johannes-Grundschule": (232, 39, 10), "Patrokli-Grundschule": (205, 4, 2),
                "Petri-Grundschule": (265, 20, 6), "Wiese-Grundschule": (243, 18, 4),
                "Georg-Grundschule": (195, 7, 4),
                "Astrid-Lindgren-Grundschule": (157, 69, 21)}
TAB5_SECONDARY = {"Pauli-Hauptschule": (147, 41, 14), "Hansa-Realschule": (127, 8, 0),
                  "Christian-Rohlfs-Realschule": (576, 24, 15),
                  "Aldegrever-Gymnasium": (648, 18, 8), "Conrad-von-Soest-Gymnasium": (867, 17, 1),
                  "Archigymnasium": (801, 12, 1), "Hannah-Arendt-Gesamtschule": (892, 46, 43),
                  "Sekundarschule Soest": (403, 28, 31)}
# The primary schools' figures once more, as indicators of their own: the segregation page
# over these institutions shows the Duncan index of [Soest] Tab. 5's primary schools
PRIMARY_INDICATORS = (("school.primary_pupils", "Schülerinnen und Schüler der Grundschulen"),
                      ("school.primary_pupils_foreign",
                       "Ausländische Schülerinnen und Schüler der Grundschulen"))
TAB5_YEAR = 2018
# Persons receiving AsylbLG benefits per district: small counts show disclosure control
ASYLBLG = {2015: (41, 18, 9, 63, 2), 2016: (52, 22, 11, 80, 1), 2017: (38, 15, 7, 61, 2),
           2018: (29, 9, 5, 48, 0)}


def _series(known: dict[int, int], yearly_after: int) -> dict[int, int]:
    """Known years as given, years between interpolated, later years continued."""
    values: dict[int, int] = {}
    years = sorted(known)
    for year in YEARS:
        if year in known:
            values[year] = known[year]
        elif year < years[-1]:
            before = max(y for y in years if y < year)
            after = min(y for y in years if y > year)
            step = (known[after] - known[before]) / (after - before)
            values[year] = round(known[before] + step * (year - before))
        else:
            values[year] = known[years[-1]] + yearly_after * (year - years[-1])
    return values


def _split(total: int, weights: list[int]) -> list[int]:
    """``total`` over the districts by ``weights``; the parts add up exactly."""
    parts = [total * w // sum(weights) for w in weights]
    parts[-1] += total - sum(parts)
    return parts


def month_ends(today: datetime.date, count: int = 12) -> list[datetime.date]:
    """The last ``count`` month ends before ``today``, oldest first."""
    first = today.replace(day=1)
    return [add_months(first, -i) - datetime.timedelta(days=1)
            for i in range(count - 1, -1, -1)]


def load(municipality: Any, today: datetime.date | None = None) -> None:
    with scope(municipality=municipality):
        _series_2009(municipality)
        for day in month_ends(today or timezone.localdate()):
            refresh(municipality, day)


def _schools(municipality: Any) -> dict[str, Organisation]:
    """Tab. 5's schools as the town's Organisations: found by name (the education demo
    creates them), created where missing."""
    found = {}
    for name in [*TAB5_PRIMARY, *TAB5_SECONDARY]:
        org, _new = Organisation.objects.get_or_create(
            municipality=municipality, name=name,
            defaults={"kinds": [OrganisationKind.SCHOOL], "city": "Soest"})
        found[name] = org
    return found


def _primary_indicators(municipality: Any) -> None:
    for code, name in PRIMARY_INDICATORS:
        Indicator.objects.get_or_create(
            municipality=municipality, code=code,
            defaults={"name": name, "topic": "school", "unit": "persons",
                      "level": "institution", "source": "[Soest] Tab. 5",
                      "basis": "[Soest] Tab. 5"})


def _tab5(municipality: Any, add: Any) -> None:
    schools = {**TAB5_PRIMARY, **TAB5_SECONDARY}
    institutions = _schools(municipality)
    for code, column in (("school.pupils", 0), ("school.pupils_foreign", 1),
                         ("school.inclusion", 2)):
        add(code, TAB5_YEAR, sum(school[column] for school in schools.values()))
        for name, figures in schools.items():
            add(code, TAB5_YEAR, figures[column], institution=institutions[name])
    for (code, _name), column in zip(PRIMARY_INDICATORS, (0, 1), strict=True):
        for name, figures in TAB5_PRIMARY.items():
            add(code, TAB5_YEAR, figures[column], institution=institutions[name])
    primary = indices([Unit(name, foreign, pupils)
                       for name, (pupils, foreign, _gu) in TAB5_PRIMARY.items()])
    add("school.segregation_primary", TAB5_YEAR,
        Decimal(str(round_half_up(primary.dissimilarity))))


def _series_2009(municipality: Any) -> None:
    load_catalogue(municipality)
    _primary_indicators(municipality)
    indicators = {i.code: i for i in Indicator.objects.filter(municipality=municipality)}
    if Observation.objects.filter(indicator=indicators["pop.total"]).exists():
        return
    areas = [Area.objects.get_or_create(municipality=municipality, name=name,
                                        level=Area.Level.DISTRICT)[0]
             for name, _w, _m in DISTRICTS]
    migration = _series(TAB2_MIGRATION, 180)
    foreign = _series(TAB2_FOREIGN, 150)
    residents_total = _series(TAB2_RESIDENTS, 60)
    rows: list[Observation] = []

    def add(code: str, year: int, value: Decimal | int, area: Area | None = None,
            institution: Organisation | None = None) -> None:
        rows.append(Observation(municipality=municipality, indicator=indicators[code],
                                period=datetime.date(year, 12, 31), area=area,
                                institution=institution, value=Decimal(value)))

    for year in YEARS:
        total = residents_total[year]
        residents = _split(total, [w for _n, w, _m in DISTRICTS])
        migrants = _split(migration[year], [m for _n, _w, m in DISTRICTS])
        for code, value, parts in (("pop.total", total, residents),
                                   ("pop.migration", migration[year], migrants),
                                   ("pop.foreign", foreign[year],
                                    _split(foreign[year], [m for *_x, m in DISTRICTS]))):
            add(code, year, value)
            for area, part in zip(areas, parts, strict=True):
                add(code, year, part, area)
        for area, m, t in [(None, migration[year], total),
                           *zip(areas, migrants, residents, strict=True)]:
            share = (Decimal(100 * m) / t).quantize(Decimal("0.1"), ROUND_HALF_UP)
            add("pop.migration_share", year, share, area)
        segregation = indices([Unit(a.name, m, t) for a, m, t
                               in zip(areas, migrants, residents, strict=True)])
        add("dist.segregation_districts", year,
            Decimal(str(round_half_up(segregation.dissimilarity))))
    for year, newcomers in ((2016, 118), (2017, 141), (2018, 150), (2019, 137)):
        add("school.newcomer_pupils", year, newcomers)
    _tab5(municipality, add)
    for year, parts in ASYLBLG.items():
        add("soc.asylblg", year, sum(parts))
        for area, part in zip(areas, parts, strict=True):
            add("soc.asylblg", year, part, area)
    Observation.objects.bulk_create(rows)
