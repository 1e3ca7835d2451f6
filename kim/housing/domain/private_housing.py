"""Private-housing placement on a day, laid out as [Soest] Tab. 7: placed into a
municipal-rented / private flat, placeable now, not yet placeable, not placeable – by
benefit regime, single persons and family members (and the number of households).

Counting unit is the household on the day (households are never split):
- *placed*: the household's latest Placement on or before the day decides kind and row
  (the regime recorded at the placement) – everybody who belongs to it then counts,
  also members who joined later (Tab. 7 "und Familiennachzug");
- *placed* without a Placement record, from the stays: a member lives in a flat rented
  by the municipality on the day (→ rented, regime on the day that stay began), or
  nobody lives in municipal accommodation and a member's last stay ended with "own
  flat" (→ private, regime on the move-out day). A move-out recorded on the stay page
  is a placement too, and Tab. 7 must not count those households as "placeable now";
- otherwise the members' ``housing_category`` (rules engine, on the day) combined by
  ``kim.housing.waiting.eligibility`` gives the column, the members' benefit regimes the
  row (``waitlist.household_regime``). Households whose members are all
  ``not_applicable`` (settled, EU citizens, Germans) or have no status are not counted.
Population: the persons of the municipality on the day (assigned, not moved away).
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterator

from django.db.models import Q, QuerySet

from kim.core.models import Municipality
from kim.housing.domain.waitlist import household_regime, household_verdict
from kim.housing.models import Kind, MoveOutReason, Placement, Stay
from kim.people.domain.benefits import residents
from kim.people.domain.facts import (
    FactPerson,
    fact_persons,
    regime_and_housing,
    status_histories,
)
from kim.people.models import HouseholdMember, Person

CATEGORIES = ("placed_rented", "placed_private", "placeable", "not_yet_placeable",
              "not_placeable")
KIND_TO_CATEGORY = {"rented_flat": "placed_rented", "private": "placed_private"}


def _from_stays(persons: QuerySet[Person], day: datetime.date,
                ) -> dict[int, tuple[str, datetime.date]]:
    """Per person: ("rented" | "private" | "shared", since) from the stays up to ``day``
    – the stay covering the day, else the last one if it ended with "own flat"."""
    result: dict[int, tuple[str, datetime.date]] = {}
    rows = (Stay.objects.filter(person__in=persons.values("pk"), start__lte=day)
            .order_by("person_id", "start")
            .values_list("person_id", "start", "end", "move_out_reason",
                         "place__unit__facility__kind"))
    for person_id, start, end, reason, kind in rows:  # later stays overwrite earlier ones
        if end is None or end > day:
            result[person_id] = ("rented" if kind == Kind.RENTED_FLAT else "shared", start)
        elif reason == MoveOutReason.OWN_FLAT:
            result[person_id] = ("private", end)
        else:
            result.pop(person_id, None)
    return result


def _placed_by_stays(members: list[FactPerson], homes: dict[int, tuple[str, datetime.date]],
                     ) -> tuple[str, datetime.date] | None:
    """The household's placement read from its members' stays, or None."""
    where = [homes[p.pk] for p in members if p.pk in homes]
    if any(kind == "rented" for kind, _ in where):
        return "placed_rented", min(since for kind, since in where if kind == "rented")
    if where and all(kind == "private" for kind, _ in where):
        return "placed_private", max(since for _, since in where)
    return None


def counts(municipality: Municipality, day: datetime.date) -> tuple[Counter, Counter]:
    """(persons, households) keyed by (regime, "singles" | "families", category) – five
    queries whatever the size; persons and statuses as plain rows (people.domain.facts)."""
    population = residents(municipality, day)
    persons = fact_persons(population)
    histories = status_histories(municipality, persons)
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
    groups: dict[object, list[FactPerson]] = defaultdict(list)
    for person in persons:
        groups[home.get(person.pk, f"person-{person.pk}")].append(person)
    homes = _from_stays(population, day)

    def decided(members: list[FactPerson], on: datetime.date,
                ) -> Iterator[tuple[str, str] | None]:
        return (regime_and_housing(p, histories[p.pk], on) for p in members)

    by_persons: Counter = Counter()
    by_households: Counter = Counter()
    for key, members in groups.items():
        if key in placed:
            category, regime = placed[key]  # type: ignore[index]
        elif (by_stays := _placed_by_stays(members, homes)) is not None:
            category, since = by_stays
            regime = household_regime([d[0] for d in decided(members, since) if d])
        else:
            category, regime = household_verdict(decided(members, day))
            if category not in CATEGORIES:
                continue
        size = "singles" if len(members) == 1 else "families"
        by_persons[(regime, size, category)] += len(members)
        by_households[(regime, size, category)] += 1
    return by_persons, by_households
