"""Waiting for a course (issue 11 item 4), computed, never typed in:

- the waiting time from eligibility (the first day of the course access the rules engine
  gives, from the stored legal time lines – the ``since`` of the course worklist) to the
  start of the course, median and 90th percentile per course type;
- mothers of children under 3 without a Kita place or child minder (they need a course
  with childcare), flagged while they wait on a referral;
- courses with free seats and the waiting persons who fit them (type, level, childcare,
  district, who may join).

Every function runs a constant number of queries, whatever the number of persons.
"""

from __future__ import annotations

import datetime
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.modules import GapContext, GapFlag
from kim.education.domain.gaps import ACCESS, Gap
from kim.education.models import (
    Admission,
    Assessment,
    ChildcareRecord,
    Course,
    CourseKind,
    Referral,
    SkillLevel,
)
from kim.people.models import DecisionSegment, HouseholdMember, Person
from kim.rules.dates import add_years

# a median or percentile of fewer persons than this is not shown (it would describe
# single persons' waiting times)
MIN_PERSONS = 5
YOUTH_AGE = 27  # youth integration courses: up to 26 (§ 13 IntV)
CARED = ("kita", "day_care")
CANDIDATES = 2000  # the longest waiting persons considered for the free seats
ORDER = [value for value, _label in SkillLevel.choices]  # below_a1 < A1 < … < C1


# --- waiting time from eligibility to course start ------------------------------------

def access_runs(municipality: Municipality, persons: QuerySet[Any] | Sequence[int]
                ) -> dict[int, list[tuple[datetime.date, datetime.date]]]:
    """person id -> the stretches (first day, day after) of one course access (entitled
    or admissible) in the stored time lines, oldest first: one query. As on the course
    worklist, a change from admissible to entitled begins a new stretch."""
    rows = (DecisionSegment.objects.filter(municipality=municipality, person_id__in=persons,
                                           course__in=ACCESS)
            .order_by("person_id", "valid_from").values_list("person_id", "valid_from",
                                                             "valid_to", "course"))
    runs: dict[int, list[tuple[datetime.date, datetime.date]]] = defaultdict(list)
    last: dict[int, str] = {}
    for pid, start, end, value in rows.iterator(chunk_size=5000):
        own = runs[pid]
        if own and own[-1][1] >= start and last[pid] == value:  # the same stretch
            own[-1] = (own[-1][0], max(own[-1][1], end))
        else:
            own.append((start, end))
        last[pid] = value
    return runs


def eligible_since(runs: Sequence[tuple[datetime.date, datetime.date]],
                   day: datetime.date) -> datetime.date | None:
    """The first day of the latest access stretch that began on or before ``day``."""
    began = [start for start, _end in runs if start <= day]
    return began[-1] if began else None


def waiting_days(municipality: Municipality, first: datetime.date, last: datetime.date
                 ) -> dict[str, list[int]]:
    """Course type -> days from eligibility to the start, for every enrolment starting
    from ``first`` to ``last`` of a person with course access before the start."""
    started = Referral.objects.filter(municipality=municipality, start__gte=first,
                                      start__lte=last)
    runs = access_runs(municipality, started.values("person_id"))
    result: dict[str, list[int]] = defaultdict(list)
    for pid, kind, start in started.values_list("person_id", "course__kind", "start"):
        since = eligible_since(runs.get(pid, ()), start) if start else None
        if start and since is not None:
            result[kind].append((start - since).days)
    return result


def percentile(values: Sequence[int], share: float) -> int:
    """The nearest-rank percentile (a value that occurred, no interpolation)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass(frozen=True)
class WaitingRow:
    kind: str
    label: str
    started: int
    median: float | None  # None: fewer than MIN_PERSONS
    p90: int | None


def _row(kind: str, label: str, days: Sequence[int]) -> WaitingRow:
    if len(days) < MIN_PERSONS:
        return WaitingRow(kind, label, len(days), None, None)
    return WaitingRow(kind, label, len(days), statistics.median(days), percentile(days, 0.9))


def waiting_table(municipality: Municipality, first: datetime.date, last: datetime.date
                  ) -> tuple[list[WaitingRow], WaitingRow]:
    """One row per course type and one for all types together."""
    days = waiting_days(municipality, first, last)
    rows = [_row(kind, str(label), days.get(kind, [])) for kind, label in CourseKind.choices]
    every = [d for values in days.values() for d in values]
    return rows, _row("", str(_("all course types")), every)


# --- mothers of small children without childcare --------------------------------------

def without_childcare(municipality: Municipality, day: datetime.date,
                      persons: Iterable[int]) -> set[int]:
    """Of ``persons``, the women who live in a household with a child under 3 for whom
    no Kita place or child minder is recorded on ``day``: three queries."""
    wanted = set(persons)
    if not wanted:
        return set()
    live = Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gt=day))
    women = HouseholdMember.objects.filter(live, municipality=municipality,
                                           person__sex="f").exclude(role="child")
    homes: dict[int, list[int]] = defaultdict(list)
    for home, pid in women.values_list("household_id", "person_id"):
        if pid in wanted:
            homes[home].append(pid)
    if not homes:
        return set()
    small = dict(HouseholdMember.objects.filter(
        live, municipality=municipality, household_id__in=women.values("household_id"),
        person__birth_date__gt=add_years(day, -3), person__birth_date__lte=day)
        .values_list("person_id", "household_id"))
    care: dict[int, str] = {}
    for pid, kind in (ChildcareRecord.objects.filter(
            municipality=municipality, valid_from__lte=day, person_id__in=list(small))
            .order_by("person_id", "valid_from", "pk").values_list("person_id", "kind")):
        care[pid] = kind  # the latest record in force
    result: set[int] = set()
    for child, home in small.items():
        if care.get(child) not in CARED:
            result.update(homes.get(home, ()))
    return result


def waiting_on_referral(municipality: Municipality) -> QuerySet[Referral]:
    """Open referrals without a start: the person is on the course's waiting list."""
    return Referral.objects.filter(municipality=municipality, start__isnull=True,
                                   ended_on__isnull=True)


def mothers_waiting(municipality: Municipality, day: datetime.date) -> set[int]:
    """Women on a course's waiting list with a child under 3 and no childcare."""
    waiting = set(waiting_on_referral(municipality).values_list("person_id", flat=True))
    return without_childcare(municipality, day, waiting)


def flags(person: Person, context: GapContext) -> list[GapFlag]:
    """The gap source for the case page: the mother waiting without childcare."""
    if not waiting_on_referral(person.municipality).filter(person=person).exists():
        return []
    if person.pk not in without_childcare(person.municipality, context.today, [person.pk]):
        return []
    return [GapFlag("education.childcare_missing",
                    _("Waiting for a course with a child under 3 and no childcare: offer a "
                      "course with childcare or a Kita place."))]


# --- free seats and the persons who fit them ------------------------------------------

@dataclass
class Suggestion:
    course: Course
    free: int
    persons: list[Person] = field(default_factory=list)  # longest waiting first


def open_courses(municipality: Municipality, day: datetime.date) -> list[tuple[Course, int]]:
    """Courses not over on ``day`` and not marked full, with their free seats (seats less
    the open referrals holding one): one query."""
    holding = Q(referrals__ended_on__isnull=True, referrals__completed_on__isnull=True)
    courses = (Course.objects.filter(municipality=municipality)
               .filter(Q(end__isnull=True) | Q(end__gte=day))
               .exclude(status__in=("full", "finished"))
               .annotate(taken=Count("referrals", filter=holding))
               .select_related("provider", "area").order_by("start", "title"))
    return [(c, c.seats - c.taken) for c in courses if c.seats > c.taken]


def _level(assessment: tuple[str, ...]) -> int:
    return min(ORDER.index(value) for value in assessment if value in ORDER)


def fits(course: Course, access: str, person: Person, age: int, level: int | None,
         recommended: str, needs_care: bool) -> bool:
    """Whether a waiting person fits a course: who may join, the type (the assessment's
    recommendation when there is one; youth, women's and parents' courses by age, sex
    and children), the level (above the assessed one), childcare and the district."""
    if course.admission == Admission.ENTITLED and access != "entitled":
        return False
    if course.admission == Admission.ADMISSIBLE and access not in ACCESS:
        return False
    if recommended:
        if course.kind != recommended:
            return False
    elif ((course.kind == "youth" and age >= YOUTH_AGE)
          or (course.kind == "women" and person.sex != "f")):
        return False
    elif course.kind in ("alpha", "job_language", "vocational", "parents"):
        return False  # only on an assessment's recommendation
    if level is not None and course.level and ORDER.index(course.level) <= level:
        return False
    if needs_care and not course.childcare:
        return False
    return not (course.area_id and person.area_id and course.area_id != person.area_id)


def suggestions(municipality: Municipality, day: datetime.date, waiting: Sequence[Gap],
                per_course: int = 5) -> list[Suggestion]:
    """Courses with free seats and the waiting persons (of ``waiting``, the worklist) who
    fit each, longest waiting first, each person for the earliest course only – a
    suggestion for the coordinator, not a referral."""
    courses = open_courses(municipality, day)
    if not courses or not waiting:
        return []
    ids = [g.person_id for g in waiting]
    by_id = Person.objects.filter(municipality=municipality).in_bulk(ids)
    assessed: dict[int, tuple[int, str]] = {}
    for pid, kind, *skills in (Assessment.objects.filter(
            municipality=municipality, person_id__in=ids).order_by("person_id", "assessed_on",
                                                                   "pk")
            .values_list("person_id", "recommended_kind", "listening", "reading", "writing",
                         "speaking")):
        assessed[pid] = (_level(tuple(skills)), kind)
    needs_care = without_childcare(municipality, day, ids)
    result = []
    named: set[int] = set()  # each person suggested for one course only (the earliest)
    for course, free in courses:
        found = Suggestion(course, free)
        for gap in waiting:
            person = by_id.get(gap.person_id)
            if person is None or gap.person_id in named:
                continue
            level, recommended = assessed.get(gap.person_id, (None, ""))
            age = day.year - person.birth_date.year - (
                (day.month, day.day) < (person.birth_date.month, person.birth_date.day))
            if fits(course, gap.access, person, age, level, recommended,
                    gap.person_id in needs_care):
                found.persons.append(person)
                named.add(gap.person_id)
                if len(found.persons) >= min(free, per_course):
                    break
        if found.persons:
            result.append(found)
    return result
