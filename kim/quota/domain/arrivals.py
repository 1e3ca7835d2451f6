"""The arrivals register ([Kamp-Lintfort] "Zuweisungen 2021 und 2022"): persons assigned to
the municipality by year and country of origin, and how many of them were children.

Country of origin = the person's first citizenship; a child is under 18 on the day of the
assignment (German age counting: the birthday itself counts as reached). Persons who have
moved away since still count: the register records assignments.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear

from kim.core.models import Municipality
from kim.people.models import Person
from kim.rules.countries import STATELESS_OR_UNKNOWN

ADULT_AGE = 18


@dataclass(frozen=True)
class Arrivals:
    year: int
    country: str  # ISO code
    persons: int
    children: int


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def arrivals(municipality: Municipality, as_of: date, first_year: int | None = None,
             last_year: int | None = None) -> list[Arrivals]:
    """Counts per (year, country), ordered by year, then persons (descending), then code.
    One grouped query (at 100 000 persons the rows never leave the database). A child is
    under 18 on the assignment day: the years between, less one while the birthday of
    that year is still to come – compared as month*100+day, exact for leap-day births."""
    qs = Person.objects.filter(municipality=municipality, assignment_date__isnull=False,
                               assignment_date__lte=as_of)
    if first_year is not None:
        qs = qs.filter(assignment_date__gte=date(first_year, 1, 1))
    if last_year is not None:
        qs = qs.filter(assignment_date__lte=date(last_year, 12, 31))
    grouped = (qs.annotate(
        year=ExtractYear("assignment_date"), country=KeyTextTransform("0", "citizenships"),
        years=ExtractYear("assignment_date") - ExtractYear("birth_date"),
        day=ExtractMonth("assignment_date") * 100 + ExtractDay("assignment_date"),
        birthday=ExtractMonth("birth_date") * 100 + ExtractDay("birth_date"))
        .values("year", "country").order_by()
        .annotate(persons=Count("pk"), children=Count("pk", filter=Q(
            years__lt=ADULT_AGE) | Q(years=ADULT_AGE, day__lt=F("birthday")))))
    counts: dict[tuple[int, str], list[int]] = {}
    for row in grouped:
        cell = counts.setdefault((row["year"], row["country"] or STATELESS_OR_UNKNOWN), [0, 0])
        cell[0] += row["persons"]
        cell[1] += row["children"]
    result = [Arrivals(year, code, persons, children)
              for (year, code), (persons, children) in counts.items()]
    result.sort(key=lambda a: (a.year, -a.persons, a.country))
    return result


@dataclass(frozen=True)
class PivotRow:
    country: str
    cells: list[tuple[int, int]]  # (persons, children) per year
    persons: int


def pivot(rows: list[Arrivals]) -> tuple[list[int], list[PivotRow], list[tuple[int, int]]]:
    """The register as the Kamp-Lintfort table: a row per country, two columns per year;
    countries by persons over all years (descending), then code. Returns years, rows and
    the per-year totals."""
    years = sorted({r.year for r in rows})
    by_country: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    for r in rows:
        by_country[r.country][r.year] = (r.persons, r.children)
    table = [PivotRow(code, [cells.get(y, (0, 0)) for y in years],
                      sum(p for p, _ in cells.values()))
             for code, cells in by_country.items()]
    table.sort(key=lambda r: (-r.persons, r.country))
    totals = [(sum(r.cells[i][0] for r in table), sum(r.cells[i][1] for r in table))
              for i in range(len(years))]
    return years, table, totals
