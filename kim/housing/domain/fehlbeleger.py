"""Fehlbeleger: residents of municipal shared accommodation (Phases I and II) whose status
entitles them to an own flat ([Kamp-Lintfort]: 121 of 314, "trotz einer
Aufenthaltserlaubnis"; [Soest] 5.5: "spätestens mit der Anerkennung").

Entitled on a day: the rules engine's ``own_flat`` decision (a residence permit or a
status outside refugee law; a Gestattung from a good-prospect country is "placeable" for
the private housing search, Tab. 7, but does not yet entitle to leave shared
accommodation). Since when: the start of that decision's run in the engine's time line.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from kim.core.models import Municipality
from kim.housing.domain.occupancy import covering
from kim.housing.models import SHARED_KINDS, Stay
from kim.people.domain import timelines
from kim.people.domain.facts import facts_for, usable
from kim.people.domain.params import params_for
from kim.people.domain.persons import current_status
from kim.people.models import DecisionSegment, LegalStatus, Person
from kim.rules import Params, entitles_own_flat, parse_person, timeline
from kim.rules.dates import add_months, month_end, month_start


def entitled(person: Person, statuses: list[LegalStatus], day: datetime.date,
             params: Params) -> bool:
    """The engine's ``own_flat`` on ``day`` (it depends on the status in force alone)."""
    status = current_status(statuses, day)
    return (status is not None and person.birth_date <= day
            and entitles_own_flat(status.code, day, params))


def entitled_since(person: Person, statuses: list[LegalStatus], day: datetime.date,
                   params: Params) -> datetime.date | None:
    """First day of the run of own-flat entitlement that ``day`` belongs to."""
    if not statuses:
        return None
    first = min(s.valid_from for s in statuses)
    if day < first:
        return None
    decided = parse_person(facts_for(person, statuses, first)["person"])
    since = None
    for segment in timeline(decided, first, day + datetime.timedelta(days=1), params):
        if segment.decided is None or not segment.decided.own_flat:
            since = None
        elif since is None:
            since = segment.start
    return since


def _shared_stays(municipality: Municipality, first: datetime.date, last: datetime.date):
    """Stays in shared accommodation overlapping [first, last], with persons and statuses."""
    return (Stay.objects.filter(municipality=municipality,
                                place__unit__facility__kind__in=SHARED_KINDS,
                                start__lte=last)
            .filter(Q(end=None) | Q(end__gt=first))
            .select_related("person", "place__unit__facility")
            .prefetch_related(Prefetch("person__statuses",
                                       queryset=LegalStatus.objects.order_by("valid_from"))))


@dataclass(frozen=True)
class Entry:
    stay: Stay
    since: datetime.date | None


def listing(municipality: Municipality, day: datetime.date) -> tuple[list[Entry], int]:
    """(Fehlbeleger on ``day`` with the date they became entitled, number of residents)."""
    stays = list(_shared_stays(municipality, day, day).filter(covering(day)))
    params = params_for(municipality)
    entries = []
    for stay in stays:
        statuses = list(stay.person.statuses.all())
        if not usable(stay.person, statuses, day):
            continue  # listed as a data problem on the page
        if entitled(stay.person, statuses, day, params):
            entries.append(Entry(stay, entitled_since(stay.person, statuses, day, params)))
    entries.sort(key=lambda e: (e.since or day, str(e.stay.person)))
    return entries, len({s.person_id for s in stays})


def month_ends(last: datetime.date, months: int) -> list[datetime.date]:
    first = add_months(month_start(last), 1 - months)
    ends = [month_end(add_months(first, n)) for n in range(months)]
    if ends[-1] > last:
        ends[-1] = last  # the running month ends today
    return ends


@dataclass(frozen=True)
class Point:
    day: datetime.date
    residents: int
    fehlbeleger: int

    @property
    def rate(self) -> float | None:
        return round(100 * self.fehlbeleger / self.residents, 1) if self.residents else None


def count_by_facility(municipality: Municipality, day: datetime.date) -> dict[int, int]:
    """Fehlbeleger per facility on ``day`` (the occupancy report's column): one grouped
    query over the stored time lines when they cover the day, else the listing."""
    if not timelines.covers(municipality, day):
        counts: dict[int, int] = {}
        for entry in listing(municipality, day)[0]:
            fid = entry.stay.place.unit.facility_id
            counts[fid] = counts.get(fid, 0) + 1
        return counts
    own = timelines.segments_on(municipality, day).filter(own_flat=True).values("person_id")
    rows = (Stay.objects.filter(municipality=municipality,
                                place__unit__facility__kind__in=SHARED_KINDS)
            .filter(covering(day), person_id__in=own)
            .values("place__unit__facility_id").annotate(n=Count("pk")).order_by())
    return {r["place__unit__facility_id"]: r["n"] for r in rows}


def trend(municipality: Municipality, last: datetime.date, months: int = 12) -> list[Point]:
    """Residents and Fehlbeleger at each month end: from the stored time lines when they
    reach the last day (two queries), else from the engine person by person."""
    days = month_ends(last, months)
    if timelines.covers(municipality, days[-1]):
        return _trend_stored(municipality, days)
    stays = list(_shared_stays(municipality, days[0], days[-1]))
    params = params_for(municipality)
    points = []
    for day in days:
        present = {s.person_id: s for s in stays
                   if s.start <= day and (s.end is None or s.end > day)}
        count = sum(1 for s in present.values()
                    if entitled(s.person, list(s.person.statuses.all()), day, params))
        points.append(Point(day, len(present), count))
    return points


def _trend_stored(municipality: Municipality, days: list[datetime.date]) -> list[Point]:
    shared = (Stay.objects.filter(municipality=municipality,
                                  place__unit__facility__kind__in=SHARED_KINDS,
                                  start__lte=days[-1])
              .filter(Q(end=None) | Q(end__gt=days[0])))
    stays = list(shared.values_list("person_id", "start", "end"))
    runs: dict[int, list[tuple[datetime.date, datetime.date]]] = {}
    for pid, start, end in (
            DecisionSegment.objects.filter(
                municipality=municipality, own_flat=True, resident=True,
                valid_from__lte=days[-1], valid_to__gt=days[0],
                person_id__in=shared.values("person_id"))
            .values_list("person_id", "valid_from", "valid_to")):
        runs.setdefault(pid, []).append((start, end))
    points = []
    for day in days:
        present = {pid for pid, start, end in stays
                   if start <= day and (end is None or end > day)}
        count = sum(1 for pid in present
                    if any(a <= day < b for a, b in runs.get(pid, ())))
        points.append(Point(day, len(present), count))
    return points
