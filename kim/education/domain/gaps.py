"""Gaps between the rules engine and what is recorded (computed, never typed in):
persons entitled or admissible to an integration course without an enrolment, with the
day the access began and the day it ends, and obliged persons not attending.

Who is entitled is the engine's answer: from the stored legal time lines
(``people.DecisionSegment``, one indexed query for every resident) when they cover the
day, else from the engine itself (``decisions_for``) – the same answers, slower.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.modules import Due, GapContext, GapFlag
from kim.education.models import INTEGRATION_KINDS, Obligation, Referral
from kim.people.decision_labels import basis_label
from kim.people.domain import timelines
from kim.people.domain.deadlines import horizon
from kim.people.domain.facts import (
    db_date,
    decisions_for,
    fact_persons,
    plain_rows,
    status_histories,
)
from kim.people.domain.params import params_for
from kim.people.models import Person

ACCESS = ("entitled", "admissible")
ENDS = "course_entitlement_ends"


@dataclass(frozen=True)
class Gap:
    person_id: int
    access: str  # entitled / admissible
    since: datetime.date | None  # the first day of the current access
    until: datetime.date | None  # the last day of it, when it ends (None: open)
    obliged: bool
    referred: bool  # referred to a course, not (yet) enrolled


def enrolled(municipality: Municipality, day: datetime.date) -> QuerySet[Referral]:
    """Referrals that count as enrolled in an integration course on ``day``."""
    return Referral.objects.filter(
        municipality=municipality, course__kind__in=INTEGRATION_KINDS, start__lte=day,
        ended_on__isnull=True, completed_on__isnull=True, interrupted_on__isnull=True
    ).filter(Q(end__isnull=True) | Q(end__gte=day))


def _access_stored(municipality: Municipality, day: datetime.date,
                   person_ids: Sequence[int] | None) -> dict[int, tuple[str, Any, Any]]:
    """person id -> (access, since, until) from the stored time lines: one index range
    (``segment_course``) – each row carries the first day and the end of its run of the
    same access, so neither grows with a person's history nor needs grouped scans."""
    rows = timelines.segments_on(municipality, day).filter(course__in=ACCESS)
    if person_ids is not None:
        if not person_ids:
            return {}
        rows = rows.filter(person_id__in=list(person_ids))
    one_day = datetime.timedelta(days=1)
    return {pid: (value, db_date(since), db_date(until) - one_day if until else None)  # type: ignore[operator]
            for pid, value, since, until in plain_rows(rows.order_by().values_list(
                "person_id", "course", "course_since", "course_until"))}


def _access_live(municipality: Municipality, day: datetime.date,
                 person_ids: Sequence[int] | None) -> dict[int, tuple[str, Any, Any]]:
    """The same from the engine, person by person (when the time lines are stale)."""
    persons = Person.objects.filter(municipality=municipality)
    if person_ids is not None:
        persons = persons.filter(pk__in=list(person_ids))
    facts = [p for p in fact_persons(persons.filter(statuses__isnull=False).distinct())
             if p.moved_away_date is None or p.moved_away_date > day]
    histories = status_histories(municipality, facts)
    params = params_for(municipality)
    result: dict[int, tuple[str, Any, Any]] = {}
    for person in facts:
        statuses = histories[person.pk]
        decisions = decisions_for(person, statuses, day, params=params)  # type: ignore[arg-type]
        if not decisions:
            continue
        course = decisions["integration_course"]
        if course["access"] not in ACCESS:
            continue
        until = course.get("entitled_until")
        current = max((s.valid_from for s in statuses if s.valid_from <= day), default=None)
        result[person.pk] = (course["access"], current,
                             datetime.date.fromisoformat(until) if until else None)
    return result


def course_access(municipality: Municipality, day: datetime.date,
                  person_ids: Sequence[int] | None = None) -> dict[int, tuple[str, Any, Any]]:
    if timelines.covers(municipality, day):
        return _access_stored(municipality, day, person_ids)
    return _access_live(municipality, day, person_ids)


def gaps(municipality: Municipality, day: datetime.date,
         person_ids: Sequence[int] | None = None) -> list[Gap]:
    """Persons with course access (or an obligation to attend) on ``day`` who are not
    enrolled in an integration course, longest waiting first."""
    access = course_access(municipality, day, person_ids)
    obligations = Obligation.objects.filter(municipality=municipality, issued_on__lte=day
                                            ).filter(Q(ended_on__isnull=True)
                                                     | Q(ended_on__gte=day))
    if person_ids is not None:
        obligations = obligations.filter(person_id__in=list(person_ids))
    obliged = set(obligations.values_list("person_id", flat=True))
    candidates = set(access) | obliged
    # every enrolled / waiting person of the municipality: one query each, no IN lists
    busy = set(enrolled(municipality, day).values_list("person_id", flat=True))
    waiting = set(Referral.objects.filter(
        municipality=municipality, start__isnull=True, ended_on__isnull=True
    ).values_list("person_id", flat=True))
    result = []
    for pid in candidates - busy:
        value, since, until = access.get(pid, ("", None, None))
        result.append(Gap(pid, value, since, until, pid in obliged, pid in waiting))
    far = datetime.date.max
    result.sort(key=lambda g: (g.since or far, g.person_id))
    return result


class GapPage:
    """The worklist as the paginator reads it: counted and sliced in the database, so a
    page costs the same constant number of queries at 100 persons and at 100 000 (the
    whole list, :func:`gaps`, is tens of thousands of entries there). Same entries and
    order as :func:`gaps`: persons with access by the day it began, then obliged persons
    without access. ``which``: "" (all), "entitled" or "obliged"."""

    def __init__(self, municipality: Municipality, day: datetime.date, which: str = "") -> None:
        self.municipality, self.day = municipality, day
        self.listed: list[Gap] | None = None
        if which == "obliged" or not timelines.covers(municipality, day):
            # few obliged persons, or stale time lines (the engine, person by person)
            found = gaps(municipality, day)
            self.listed = [g for g in found if (g.obliged if which == "obliged" else
                                                 g.access == "entitled" if which else True)]
            return
        busy = enrolled(municipality, day).values("person_id")
        rows = timelines.segments_on(municipality, day).exclude(person_id__in=busy)
        self.rows = rows.filter(course__in=("entitled",) if which else ACCESS)
        self.obliged = set(Obligation.objects.filter(
            municipality=municipality, issued_on__lte=day).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=day)).exclude(person_id__in=busy)
            .values_list("person_id", flat=True))
        # obliged persons without access come last (no "since"), by id
        self.extra = [] if which else sorted(
            self.obliged - set(course_access(municipality, day, list(self.obliged))))
        self._count: int | None = None

    def count(self) -> int:
        if self.listed is not None:
            return len(self.listed)
        if self._count is None:
            self._count = self.rows.count() + len(self.extra)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Gap]:
        if self.listed is not None:
            return self.listed[index]
        start, stop, _step = index.indices(self.count())
        ids = [pid for pid, in self.rows.order_by("course_since", "person_id")
               .values_list("person_id")[start:stop]]
        accessible = self.count() - len(self.extra)
        ids += self.extra[max(start - accessible, 0):max(stop - accessible, 0)]
        access = _access_stored(self.municipality, self.day, ids)
        waiting = set(Referral.objects.filter(
            municipality=self.municipality, start__isnull=True, ended_on__isnull=True,
            person_id__in=ids).values_list("person_id", flat=True))
        return [Gap(pid, *access.get(pid, ("", None, None)), pid in self.obliged,
                    pid in waiting) for pid in ids]


def deadlines(municipality: Municipality, person_ids: Sequence[int] | None,
              today: datetime.date) -> Iterator[Due]:
    """The deadline source: the day a course entitlement ends for a person who is not
    enrolled (after that day the person may still be admitted, but has no claim)."""
    last = horizon(today)
    for gap in gaps(municipality, today, person_ids):
        if gap.access == "entitled" and gap.until and today <= gap.until <= last:
            yield Due(gap.person_id, gap.until, ENDS)


def flags(person: Person, context: GapContext) -> list[GapFlag]:
    """The gap source for the case page (decisions of today are at hand there)."""
    result: list[GapFlag] = []
    decisions = context.decisions or {}
    course = decisions.get("integration_course") or {}
    busy = enrolled(person.municipality, context.today).filter(person=person).exists()
    if busy:
        return result
    if course.get("access") == "entitled":
        until = course.get("entitled_until")
        message = (_("Entitled to an integration course until %(day)s and not enrolled.")
                   % {"day": _short(until)} if until else
                   _("Entitled to an integration course and not enrolled."))
        result.append(GapFlag("education.not_enrolled", message,
                                      basis_label(str(course.get("basis", "")))))
    if Obligation.objects.filter(person=person, issued_on__lte=context.today).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=context.today)).exists():
        result.append(GapFlag("education.obliged_not_attending",
                              _("Obliged to attend an integration course and not attending.")))
    return result


def _short(iso: str) -> str:
    from kim.core.localize import short_date

    return short_date(datetime.date.fromisoformat(iso))


@dataclass(frozen=True)
class ChildcareGap:
    person_id: int
    claim: str  # u3 / ue3: the rules engine's childcare decision
    situation: str  # the recorded situation ("" when none is recorded)
    waiting_since: datetime.date | None


def childcare_gaps(municipality: Municipality, day: datetime.date,
                   children: QuerySet[Person]) -> list[ChildcareGap]:
    """Children of ``children`` (the reader's reach) with a legal claim to a Kita place on
    ``day`` (the engine's ``childcare`` decision from the stored time lines) and no Kita
    or child minder recorded – the school and youth office's worklist."""
    from kim.education.models import ChildcareRecord

    claims = dict(timelines.segments_on(municipality, day).filter(
        childcare__in=("u3", "ue3"), person_id__in=children.values("pk"))
        .values_list("person_id", "childcare"))
    latest: dict[int, tuple[str, datetime.date | None]] = {}
    for pid, kind, since in (ChildcareRecord.objects.filter(
            municipality=municipality, valid_from__lte=day,
            person_id__in=children.values("pk")).order_by("person_id", "valid_from", "pk")
            .values_list("person_id", "kind", "waiting_since")):
        latest[pid] = (kind, since)
    result = []
    for pid, claim in claims.items():
        kind, since = latest.get(pid, ("", None))
        if kind not in ("kita", "day_care"):
            result.append(ChildcareGap(pid, claim, kind, since))
    result.sort(key=lambda g: (g.waiting_since or datetime.date.max, g.person_id))
    return result
