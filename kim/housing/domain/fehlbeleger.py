"""Fehlbeleger: residents of municipal shared accommodation (Phases I and II) whose status
entitles them to an own flat ([Kamp-Lintfort]: 121 of 314, "trotz einer
Aufenthaltserlaubnis"; [Soest] 5.5: "spätestens mit der Anerkennung").

Entitled on a day: the rules engine's ``housing_category`` is ``placeable`` or
``not_applicable`` **and** the status in force is no longer an asylum procedure or
toleration – a Gestattung from a good-prospect country is "placeable" for the private
housing search (Tab. 7) but does not yet entitle to leave shared accommodation.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from kim.core.models import Municipality
from kim.housing.domain.occupancy import covering
from kim.housing.models import SHARED_KINDS, Stay
from kim.people.domain.facts import regime_and_housing
from kim.people.domain.persons import current_status
from kim.people.models import LegalStatus, Person
from kim.rules.codes import ASYLUM_PROCEDURE, TOLERATED
from kim.rules.dates import add_months, month_end, month_start

NOT_ENTITLING = ASYLUM_PROCEDURE | TOLERATED
ENTITLING_CATEGORIES = frozenset({"placeable", "not_applicable"})


def entitled(person: Person, statuses: list[LegalStatus], day: datetime.date) -> bool:
    status = current_status(statuses, day)
    if status is None or status.code in NOT_ENTITLING:
        return False  # spares the engine the clear cases
    decided = regime_and_housing(person, statuses, day)  # the cheap point entry
    return decided is not None and decided[1] in ENTITLING_CATEGORIES


def entitled_since(statuses: list[LegalStatus], day: datetime.date) -> datetime.date | None:
    """Start of the run of entitling statuses that is in force on ``day``."""
    since = None
    for status in sorted(statuses, key=lambda s: s.valid_from):
        if status.valid_from > day:
            break
        if status.code in NOT_ENTITLING:
            since = None
        elif since is None:
            since = status.valid_from
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
    entries = []
    for stay in stays:
        statuses = list(stay.person.statuses.all())
        if entitled(stay.person, statuses, day):
            entries.append(Entry(stay, entitled_since(statuses, day)))
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


def trend(municipality: Municipality, last: datetime.date, months: int = 12) -> list[Point]:
    """Residents and Fehlbeleger at each month end – three queries for all months."""
    days = month_ends(last, months)
    stays = list(_shared_stays(municipality, days[0], days[-1]))
    points = []
    for day in days:
        present = {s.person_id: s for s in stays
                   if s.start <= day and (s.end is None or s.end > day)}
        count = sum(1 for s in present.values()
                    if entitled(s.person, list(s.person.statuses.all()), day))
        points.append(Point(day, len(present), count))
    return points
