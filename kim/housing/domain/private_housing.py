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

Computed from the stored legal time lines (one grouped query for all households, details
only for those with a Placement or a stay), or – when the time lines do not cover the day
– from the rules engine (``counts_live``, the reference).
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from django.db import connection
from django.db.models import Case, Count, IntegerField, Max, Q, QuerySet, Value, When

from kim.core.models import Municipality
from kim.housing.domain.waitlist import SGB_REGIMES, household_regime, household_verdict
from kim.housing.models import Kind, MoveOutReason, Placement, Regime, Stay
from kim.people.domain import timelines
from kim.people.domain.benefits import residents
from kim.people.domain.facts import (
    db_date,
    fact_persons,
    plain_rows,
    regime_and_housing,
    status_histories,
)
from kim.people.domain.params import params_for
from kim.people.domain.persons import chunks
from kim.people.models import DecisionSegment, HouseholdMember

CATEGORIES = ("placed_rented", "placed_private", "placeable", "not_yet_placeable",
              "not_placeable")
KIND_TO_CATEGORY = {"rented_flat": "placed_rented", "private": "placed_private"}
Counts = tuple[Counter, Counter]


def counts(municipality: Municipality, day: datetime.date) -> Counts:
    """(persons, households) keyed by (regime, "singles" | "families", category)."""
    if timelines.covers(municipality, day):
        return counts_from_timelines(municipality, day)
    return counts_live(municipality, day)


def _from_stays(stays: QuerySet[Stay], day: datetime.date,
                ) -> dict[int, tuple[str, datetime.date]]:
    """Per person: ("rented" | "private" | "shared", since) from the stays up to ``day``
    – the stay covering the day, else the last one if it ended with "own flat"."""
    result: dict[int, tuple[str, datetime.date]] = {}
    rows = (stays.filter(start__lte=day).order_by("person_id", "start")
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


def _placed_by_stays(members: Iterable[int], homes: dict[int, tuple[str, datetime.date]],
                     ) -> tuple[str, datetime.date] | None:
    """The household's placement read from its members' (ids) stays, or None."""
    where = [homes[pk] for pk in members if pk in homes]
    if any(kind == "rented" for kind, _ in where):
        return "placed_rented", min(since for kind, since in where if kind == "rented")
    if where and all(kind == "private" for kind, _ in where):
        return "placed_private", max(since for _, since in where)
    return None


def _placed(municipality: Municipality, day: datetime.date) -> dict[int, tuple[str, str]]:
    """Household id -> (category, regime) of its latest Placement on or before ``day``."""
    placed: dict[int, tuple[str, str]] = {}
    for household_id, kind, regime in (Placement.objects.filter(municipality=municipality,
                                                                placed_on__lte=day)
                                       .order_by("placed_on", "pk")
                                       .values_list("household_id", "kind", "regime")):
        placed[household_id] = (KIND_TO_CATEGORY[kind], regime)  # the latest wins
    return placed


def _add(by_persons: Counter, by_households: Counter, category: str, regime: str,
         size: int) -> None:
    """Count a household of ``abs(size)`` persons (negative: take it out again)."""
    cell = (regime, "singles" if abs(size) == 1 else "families", category)
    by_persons[cell] += size
    by_households[cell] += 1 if size > 0 else -1


def counts_live(municipality: Municipality, day: datetime.date) -> Counts:
    """From the rules engine, asked about every resident on the day – five queries
    whatever the size; persons and statuses as plain rows (people.domain.facts)."""
    population = residents(municipality, day)
    persons = fact_persons(population)
    histories = status_histories(municipality, persons)
    params = params_for(municipality)
    home = dict(HouseholdMember.objects.filter(municipality=municipality,
                                               valid_from__lte=day)
                .filter(Q(valid_to=None) | Q(valid_to__gte=day))
                .values_list("person_id", "household_id"))
    placed = _placed(municipality, day)
    groups: dict[object, list[Any]] = defaultdict(list)
    for person in persons:
        groups[home.get(person.pk, f"person-{person.pk}")].append(person)
    homes = _from_stays(Stay.objects.filter(person__in=population.values("pk")), day)

    def decided(members: list[Any], on: datetime.date) -> Iterator[Any]:
        return (regime_and_housing(p, histories[p.pk], on, params=params) for p in members)

    by_persons: Counter = Counter()
    by_households: Counter = Counter()
    for key, members in groups.items():
        if key in placed:
            category, regime = placed[key]
        elif (by_stays := _placed_by_stays([p.pk for p in members], homes)) is not None:
            category, since = by_stays
            regime = household_regime([d[0] for d in decided(members, since) if d])
        else:
            category, regime = household_verdict(decided(members, day))
            if category not in CATEGORIES:
                continue
        _add(by_persons, by_households, category, regime, len(members))
    return by_persons, by_households


# The household's category is its members' best ([Soest] Tab. 7 via
# kim.housing.waiting.eligibility): a rank per member, the household takes the highest.
RANKS = ((3, "placeable"), (2, "not_yet_placeable"), (1, "not_placeable"))


def _best(field: str, ranks: Iterable[tuple[int, Any]]) -> Max:
    return Max(Case(*(When(**{field: value}, then=Value(rank)) for rank, value in ranks),
                    default=Value(0), output_field=IntegerField()))


def counts_from_timelines(municipality: Municipality, day: datetime.date) -> Counts:
    """From the stored time lines: every household's natural cell (its members' housing
    categories and regimes) counted by the database, grouped by household straight from
    the report index; then the households a Placement or a stay concerns – found through
    their ids – moved from their natural cell to the one ``counts_live`` gives them. Seven
    queries whatever the size (with the check that the time lines are current), one more
    per 2 000 such households or persons. Only plain subqueries: nested ones made
    PostgreSQL's plans quadratic on tables without statistics."""
    covering = timelines.segments_on(municipality, day)
    by_persons: Counter = Counter()
    by_households: Counter = Counter()
    for size, category, regime, households, persons in _grouped(covering):
        if category:
            by_persons[(regime, size, category)] += persons
            by_households[(regime, size, category)] += households
    placed = _placed(municipality, day)
    with_stays = Stay.objects.filter(municipality=municipality, start__lte=day)
    # Only a stay in a rented flat or a move-out into an own flat can place a household
    # (_placed_by_stays): the households of those persons, not of every resident.
    placing = with_stays.filter(Q(place__unit__facility__kind=Kind.RENTED_FLAT)
                                | Q(move_out_reason=MoveOutReason.OWN_FLAT))
    special = set(placed) | set(DecisionSegment.objects.filter(
        municipality=municipality, person_id__in=placing.values("person_id"),
        valid_from__lte=day, valid_to__gt=day).values_list("home", flat=True))
    groups: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for part in _parts(sorted(special)):
        for person_id, home, regime, housing in (covering.filter(home__in=part).values_list(
                "person_id", "home", "regime", "housing").order_by()):
            groups[home].append((person_id, regime, housing))
    homes: dict[int, tuple[str, datetime.date]] = {}
    for part in _parts([pk for members in groups.values() for pk, _, _ in members]):
        homes.update(_from_stays(with_stays.filter(person_id__in=part), day))
    regimes_then = _regimes(municipality, groups, homes)
    for home, members in groups.items():
        natural, regime = household_verdict((r, h) if r else None for _, r, h in members)
        if home in placed:
            category, regime_now = placed[home]
        elif (by_stays := _placed_by_stays([pk for pk, _, _ in members], homes)) is not None:
            category, since = by_stays
            regime_now = household_regime([r for r in (regimes_then(pk, since)
                                                       for pk, _, _ in members) if r])
        else:
            continue  # its natural cell, as counted
        if natural in CATEGORIES:
            _add(by_persons, by_households, natural, regime, -len(members))
        _add(by_persons, by_households, category, regime_now, len(members))
    return +by_persons, +by_households


def _parts(ids: list[int]) -> Iterator[Sequence[int]]:
    """``ids`` in IN lists of 2 000 – and one list when there are none (id 0 never
    exists), so a page's query count does not depend on whether there are any."""
    yield from chunks(ids) if ids else [[0]]


def _grouped(rows: QuerySet[DecisionSegment]) -> list[tuple[Any, ...]]:
    """(size, category, regime, households, persons) of the residents' households: the
    household's category is its members' best (``kim.housing.waiting.eligibility``), its
    regime SGB when a member receives SGB II/XII (``waitlist.household_regime``)."""
    inner = (rows.values("home").order_by()
             .annotate(members=Count("*"), rank=_best("housing", RANKS),
                       sgb=_best("regime__in", [(1, SGB_REGIMES)]))
             .values("members", "rank", "sgb"))
    sql, params = inner.query.sql_with_params()
    outer = (
        "SELECT CASE WHEN members = 1 THEN %s ELSE %s END AS size, "  # noqa: S608
        "CASE rank WHEN 3 THEN %s WHEN 2 THEN %s WHEN 1 THEN %s ELSE '' END AS category, "
        "CASE WHEN sgb = 1 THEN %s ELSE %s END AS regime, COUNT(*), SUM(members) "
        f"FROM ({sql}) households GROUP BY 1, 2, 3"  # the inner SQL is Django's own
    )
    labels = ["singles", "families", *(category for _, category in RANKS),
              str(Regime.SGB), str(Regime.ASYLBLG)]
    with connection.cursor() as cursor:
        cursor.execute(outer, [*labels, *params])
        return [tuple(row) for row in cursor.fetchall()]


def _regimes(municipality: Municipality, groups: dict[int, list[tuple[int, str, str]]],
             homes: dict[int, tuple[str, datetime.date]]) -> Callable[[int, datetime.date], str]:
    """``regime(person id, day)`` from the time lines of the persons whose household is
    placed by its stays (their regime on the day the stay began or ended)."""
    ids = [pk for members in groups.values() for pk, _, _ in members
           if _placed_by_stays([m for m, _, _ in members], homes) is not None]
    rows: dict[int, list[tuple[Any, Any, str]]] = defaultdict(list)
    for part in _parts(ids):
        for person_id, first, end, value in plain_rows(DecisionSegment.objects.filter(
                municipality=municipality, person_id__in=part).values_list(
                "person_id", "valid_from", "valid_to", "regime").order_by()):
            rows[person_id].append((db_date(first), db_date(end), value))

    def regime_on(person_id: int, on: datetime.date) -> str:
        return next((r for first, end, r in rows[person_id] if first <= on < end), "")

    return regime_on
