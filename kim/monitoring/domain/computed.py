"""Observations kim computes from its own data, refreshed by
``kim monitoring refresh --municipality SLUG [--as-of DATE]`` (issue 12 item 2).

So far one count: ``pop.refugees`` – persons whose legal status on the day is one of
flight or protection (Gestattung, Duldung, protection status, humanitarian permits),
per district (``Person.area``) and for the whole town. Computed values are stored like
imported ones (``computed=True``); an imported value for the same day and area is
replaced and kept as ``previous``.
"""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal
from typing import Any

from kim.monitoring.models import Indicator, Observation
from kim.people.domain.persons import current_status
from kim.people.models import LegalStatus, Person

REFUGEE_STATUSES = frozenset({
    "asylum_seeker", "gestattung", "duldung", "duldung_discretionary",
    "duldung_unclear_identity", "duldung_training", "duldung_employment",
    "departure_required", "asylum_granted", "refugee", "subsidiary", "deportation_ban",
    "temporary_protection", "humanitarian_25_4", "humanitarian_25_5", "war_23_1",
    "admission_23", "opportunity_104c"})


def refugees_by_area(municipality: Any, day: datetime.date) -> Counter[int | None]:
    """Persons with a refugee status on ``day`` per area id (None: no area), one pass."""
    statuses: dict[int, list[LegalStatus]] = {}
    for status in LegalStatus.objects.filter(municipality=municipality, valid_from__lte=day):
        statuses.setdefault(status.person_id, []).append(status)
    areas = dict(Person.objects.filter(municipality=municipality, pk__in=list(statuses))
                 .values_list("pk", "area_id"))
    counts: Counter[int | None] = Counter()
    for person_id, found in statuses.items():
        current = current_status(found, day)
        if current is not None and current.code in REFUGEE_STATUSES and person_id in areas:
            counts[areas[person_id]] += 1
    return counts


def refresh(municipality: Any, day: datetime.date) -> int:
    """Store the computed observations for ``day``; returns how many were written."""
    indicator = Indicator.objects.filter(municipality=municipality,
                                         code="pop.refugees").first()
    if indicator is None:  # the municipality removed it from its catalogue
        return 0
    counts = refugees_by_area(municipality, day)
    values: dict[int | None, int] = {area: n for area, n in counts.items() if area is not None}
    values[None] = sum(counts.values())
    for area, count in values.items():
        existing = Observation.objects.filter(indicator=indicator, period=day,
                                              area=area).first()
        if existing is None:
            Observation.objects.create(municipality=municipality, indicator=indicator,
                                       period=day, area_id=area, value=Decimal(count),
                                       computed=True)
        elif existing.value != count or not existing.computed:
            existing.previous = existing.value if existing.value != count else existing.previous
            existing.value, existing.computed = Decimal(count), True
            existing.save()
    return len(values)
