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

from django.db.models import Max, Min, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.modules import Due, GapContext, GapFlag
from kim.education.models import INTEGRATION_KINDS, Obligation, Referral
from kim.people.decision_labels import basis_label
from kim.people.domain import timelines
from kim.people.domain.deadlines import horizon
from kim.people.domain.facts import decisions_for, fact_persons, status_histories
from kim.people.domain.params import params_for
from kim.people.models import DecisionSegment, Person

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
    """person id -> (access, since, until) from the stored time lines: a constant number
    of grouped queries (persons given by subqueries, never by long IN lists)."""
    rows = timelines.segments_on(municipality, day).filter(course__in=ACCESS)
    if person_ids is not None:
        rows = rows.filter(person_id__in=list(person_ids))
    current = dict(rows.values_list("person_id", "course"))
    if not current:
        return {}
    own = DecisionSegment.objects.filter(municipality=municipality)
    # The access began after the last earlier row with another value, and ends with the
    # first later row with another value (or the end of what was computed: open).
    began: dict[int, datetime.date] = {}
    ends: dict[int, datetime.date] = {}
    for value in ACCESS:
        ids = rows.filter(course=value).values("person_id")
        began.update(own.filter(person_id__in=ids, valid_to__lte=day).exclude(course=value)
                     .values("person_id").annotate(d=Max("valid_to"))
                     .values_list("person_id", "d"))
        ends.update(own.filter(person_id__in=ids, valid_from__gt=day).exclude(course=value)
                    .values("person_id").annotate(d=Min("valid_from"))
                    .values_list("person_id", "d"))
    first = dict(own.filter(person_id__in=rows.values("person_id"), course__in=ACCESS)
                 .values("person_id").annotate(d=Min("valid_from"))
                 .values_list("person_id", "d"))
    one_day = datetime.timedelta(days=1)
    return {pid: (value, began.get(pid, first.get(pid)),
                  ends[pid] - one_day if pid in ends else None)
            for pid, value in current.items()}


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
