"""Observations kim computes from its own data, refreshed by
``kim monitoring refresh --municipality SLUG [--as-of DATE]`` (issue 12 item 2).

Each count has a key; an indicator names the count it shows in ``Indicator.computed``
(the catalogue links its indicators, ``catalogue.COMPUTED``). Counts per area id
(None: no area recorded), each from one pass over the day's data:

- ``persons.*``: persons with a legal status on the day who have not moved away, by
  status group (refugees; asylum procedure, tolerated, protection, other) and age group
  (kim.people's models and ``current_status``);
- ``housing.*``: occupied places and all places of the municipal accommodation, by the
  facility's area (kim.housing.domain.occupancy);
- ``education.enrolled``, ``childcare.*``, ``employment.*``: course enrolments, children
  under 6 by childcare, persons 18–62 by employment situation, by the person's area
  (kim.education.figures).

Every district of the municipality gets a value (0 where nobody is counted), the town
the sum over all persons (also those without an area). Computed values are stored like
imported ones (``computed=True``); a different value for the same day and area is
replaced and kept as ``previous``.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from kim.core.models import Area
from kim.education import figures as education
from kim.housing.domain.occupancy import facilities, figures_by_facility
from kim.monitoring.catalogue import COMPUTED, load_catalogue
from kim.monitoring.models import Indicator, Observation
from kim.people.domain.persons import current_status
from kim.people.models import LegalStatus, Person
from kim.rules.codes import ASYLUM_PROCEDURE, TOLERATED

REFUGEE_STATUSES = frozenset({
    "asylum_seeker", "gestattung", "duldung", "duldung_discretionary",
    "duldung_unclear_identity", "duldung_training", "duldung_employment",
    "departure_required", "asylum_granted", "refugee", "subsidiary", "deportation_ban",
    "temporary_protection", "humanitarian_25_4", "humanitarian_25_5", "war_23_1",
    "admission_23", "opportunity_104c"})
AGE_GROUPS = ((0, 5), (6, 17), (18, 64), (65, None))

KNOWN = frozenset(COMPUTED.values())
Counts = dict[str, Counter[int | None]]  # count key -> area id -> value


def status_group(code: str) -> str:
    if code in ASYLUM_PROCEDURE:
        return "asylum"
    if code in TOLERATED:
        return "tolerated"
    return "protection" if code in REFUGEE_STATUSES else "other"


def age_group(birth: datetime.date, day: datetime.date) -> str:
    age = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    low, high = next((low, high) for low, high in AGE_GROUPS if high is None or age <= high)
    return f"{low}-{high if high is not None else ''}"


def persons(municipality: Any, day: datetime.date) -> Counts:
    """Persons with a status on ``day`` (not moved away by then) by status and age group."""
    statuses: dict[int, list[LegalStatus]] = {}
    for status in LegalStatus.objects.filter(municipality=municipality, valid_from__lte=day):
        statuses.setdefault(status.person_id, []).append(status)
    people = (Person.objects.filter(municipality=municipality, pk__in=list(statuses),
                                    birth_date__lte=day)
              .exclude(moved_away_date__lte=day).values_list("pk", "area_id", "birth_date"))
    counts: Counts = {}
    for person_id, area, birth in people:
        current = current_status(statuses[person_id], day)
        if current is None:
            continue
        keys = [f"persons.status.{status_group(current.code)}",
                f"persons.age.{age_group(birth, day)}"]
        if current.code in REFUGEE_STATUSES:
            keys.append("persons.refugees")
        for key in keys:
            counts.setdefault(key, Counter())[area] += 1
    return counts


def housing(municipality: Any, day: datetime.date) -> Counts:
    """Occupied and all places of the municipal accommodation by the facility's area."""
    areas = dict(facilities(municipality).values_list("pk", "area_id"))
    occupied: Counter[int | None] = Counter()
    places: Counter[int | None] = Counter()
    for facility, figures in figures_by_facility(municipality, day).items():
        if facility in areas:
            occupied[areas[facility]] += figures.occupied
            places[areas[facility]] += figures.capacity
    return {"housing.occupied": occupied, "housing.places": places}


def _split(counts: Counter[tuple[str, int | None]], prefix: str) -> Counts:
    result: Counts = {}
    for (kind, area), n in counts.items():
        result.setdefault(f"{prefix}.{kind}", Counter())[area] += n
    return result


def education_counts(municipality: Any, day: datetime.date) -> Counts:
    """Course enrolments, childcare and employment situation by the person's area."""
    return {"education.enrolled": education.enrolled_by_area(municipality, day),
            **_split(education.childcare_by_area(municipality, day), "childcare"),
            **_split(education.employment_by_area(municipality, day), "employment")}


SOURCES: tuple[Callable[[Any, datetime.date], Counts], ...] = (
    persons, housing, education_counts)


def computed_counts(municipality: Any, day: datetime.date) -> Counts:
    """Every count kim computes for ``day``, by key."""
    counts: Counts = {}
    for source in SOURCES:
        counts.update(source(municipality, day))
    return counts


def _store(municipality: Any, indicator: Indicator, day: datetime.date,
           values: dict[int | None, int]) -> None:
    existing = {o.area_id: o for o in Observation.objects.filter(indicator=indicator,
                                                                 period=day)}
    # New values in one insert (derived data: the refresh is their history, as an import
    # is for imported ones); changed ones one by one, into the audit log.
    Observation.objects.bulk_create([
        Observation(municipality=municipality, indicator=indicator, period=day, area_id=area,
                    value=Decimal(count), computed=True)
        for area, count in values.items() if area not in existing])
    for area, count in values.items():
        found = existing.get(area)
        if found is None:
            continue
        if found.value != count or not found.computed:
            found.previous = found.value if found.value != count else found.previous
            found.value, found.computed = Decimal(count), True
            found.save()


def refresh(municipality: Any, day: datetime.date) -> int:
    """Store the computed observations for ``day`` of every indicator that names a count
    (the catalogue's are added first); returns how many values were written or checked."""
    load_catalogue(municipality)
    indicators = list(Indicator.objects.filter(municipality=municipality)
                      .exclude(computed=""))
    if not indicators:
        return 0
    counts = computed_counts(municipality, day)
    districts = list(Area.objects.filter(municipality=municipality,
                                         level=Area.Level.DISTRICT).values_list("pk",
                                                                                flat=True))
    written = 0
    for indicator in indicators:
        if indicator.computed not in KNOWN:  # pragma: no cover - not editable in the UI
            continue
        found = counts.get(indicator.computed, Counter())
        values: dict[int | None, int] = dict.fromkeys(districts, 0)
        values.update({area: n for area, n in found.items() if area is not None})
        values[None] = sum(found.values())
        _store(municipality, indicator, day, values)
        written += len(values)
    return written

