"""Private-housing placement on a day, laid out as [Soest] Tab. 7: placed into a
municipal-rented / private flat, placeable now, not yet placeable, not placeable – by
benefit regime, single persons and family members (and the number of households).

Counting unit is the household on the day (households are never split):
- *placed*: the household's latest Placement on or before the day decides kind and row
  (the regime recorded at the placement) – everybody who belongs to it then counts,
  also members who joined later (Tab. 7 "und Familiennachzug");
- otherwise the members' ``housing_category`` (rules engine, on the day) combined by
  ``kim.housing.waiting.eligibility`` gives the column, the members' benefit regimes the
  row (``waitlist.household_regime``). Households whose members are all
  ``not_applicable`` (settled, EU citizens, Germans) or have no status are not counted.
Population: the persons of the municipality on the day (assigned, not moved away).
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict

from django.db.models import Prefetch, Q

from kim.core.models import Municipality
from kim.housing.domain.waitlist import decisions, household_regime
from kim.housing.models import Placement
from kim.housing.waiting import eligibility
from kim.people.domain.benefits import residents
from kim.people.models import HouseholdMember, LegalStatus

CATEGORIES = ("placed_rented", "placed_private", "placeable", "not_yet_placeable",
              "not_placeable")
KIND_TO_CATEGORY = {"rented_flat": "placed_rented", "private": "placed_private"}


def counts(municipality: Municipality, day: datetime.date) -> tuple[Counter, Counter]:
    """(persons, households) keyed by (regime, "singles" | "families", category) – four
    queries whatever the size."""
    persons = list(residents(municipality, day).prefetch_related(
        Prefetch("statuses", queryset=LegalStatus.objects.filter(valid_from__lte=day)
                 .order_by("valid_from"))).order_by())
    home = dict(HouseholdMember.objects.filter(municipality=municipality,
                                               valid_from__lte=day)
                .filter(Q(valid_to=None) | Q(valid_to__gte=day))
                .values_list("person_id", "household_id"))
    placed: dict[int, tuple[str, str]] = {}
    for household_id, kind, regime in (Placement.objects.filter(municipality=municipality,
                                                                placed_on__lte=day)
                                       .order_by("placed_on", "pk")
                                       .values_list("household_id", "kind", "regime")):
        placed[household_id] = (KIND_TO_CATEGORY[kind], regime)  # the latest wins
    groups: dict[object, list] = defaultdict(list)
    for person in persons:
        groups[home.get(person.pk, f"person-{person.pk}")].append(person)
    by_persons: Counter = Counter()
    by_households: Counter = Counter()
    for key, members in groups.items():
        if key in placed:
            category, regime = placed[key]  # type: ignore[index]
        else:
            found = [d for d in (decisions(p, list(p.statuses.all()), day) for p in members)
                     if d is not None]
            verdict = eligibility([d["housing_category"] for d in found])
            if verdict.category not in CATEGORIES:
                continue
            category = verdict.category
            regime = household_regime([d["benefits"]["regime"] for d in found])
        size = "singles" if len(members) == 1 else "families"
        by_persons[(regime, size, category)] += len(members)
        by_households[(regime, size, category)] += 1
    return by_persons, by_households
