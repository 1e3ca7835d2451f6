"""The school worklist (issue 11 item 5), driven by the rules engine's ``schooling``
decision (stored legal time lines): children and youths under school duty (full time or
vocational) with no school recorded on the day – those of 16 and 17 to be placed in the
international class of a vocational college –, lateral entrants from grade 5 without the
KI's first assessment, and young adults of 18 to 25 (not under school duty) in neither a
school, a measure, a course nor work. ``reach`` is what the reader may see: the school
office's reach holds children only, so it never sees the young adults.

A constant number of queries, whatever the number of persons.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from kim.core.models import Municipality
from kim.education.models import EmploymentRecord, MeasurePlacement, Referral, SchoolRecord
from kim.people.domain import timelines
from kim.people.models import Person
from kim.rules.dates import add_years

DUTY = ("full_time", "vocational")
INTERNATIONAL_FROM = 16  # [Soest] 5.2.1: 16–17-year-olds go to the vocational college
FIRST_ASSESSMENT_GRADE = 5
YOUNG_ADULTS = (18, 25)
BUSY = ("vocational_college", "language_course", "employed")

# problem codes, in the order of the worklist
NO_SCHOOL = "no_school"
NO_INTERNATIONAL_CLASS = "no_international_class"
FIRST_ASSESSMENT = "first_assessment"
YOUNG_ADULT = "young_adult"
PROBLEMS = (NO_SCHOOL, NO_INTERNATIONAL_CLASS, FIRST_ASSESSMENT, YOUNG_ADULT)


@dataclass(frozen=True)
class SchoolGap:
    person_id: int
    problem: str
    duty: str  # the engine's schooling decision on the day ("none" for young adults)
    age: int


def age_on(birth: datetime.date, day: datetime.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _latest(rows: QuerySet[Any]) -> dict[int, tuple[Any, ...]]:
    """person id -> the rest of the person's latest row (rows ordered by person, date)."""
    latest: dict[int, tuple[Any, ...]] = {}
    for pid, *rest in rows:
        latest[pid] = tuple(rest)
    return latest


def school_gaps(municipality: Municipality, day: datetime.date,
                reach: QuerySet[Person]) -> list[SchoolGap]:
    youngest = add_years(day, -(YOUNG_ADULTS[1] + 1))
    segments = (timelines.segments_on(municipality, day)
                .filter(person_id__in=reach.values("pk"), person__birth_date__gt=youngest)
                .values_list("person_id", "schooling", "person__birth_date"))
    rows = [(pid, duty, age_on(birth, day)) for pid, duty, birth in segments]
    wanted = reach.filter(birth_date__gt=youngest).values("pk")
    schools = _latest(SchoolRecord.objects.filter(
        municipality=municipality, valid_from__lte=day, person_id__in=wanted)
        .order_by("person_id", "valid_from", "pk")
        .values_list("person_id", "class_type", "grade", "first_assessment_on", "left_on"))
    in_school = {pid for pid, (_t, _g, _a, left) in schools.items()
                 if left is None or left > day}
    result = []
    adults = [pid for pid, duty, age in rows
              if duty not in DUTY and YOUNG_ADULTS[0] <= age <= YOUNG_ADULTS[1]]
    busy = _busy(municipality, day, wanted) if adults else set()
    for pid, duty, age in rows:
        if duty in DUTY:
            if pid not in in_school:
                problem = NO_INTERNATIONAL_CLASS if age >= INTERNATIONAL_FROM else NO_SCHOOL
                result.append(SchoolGap(pid, problem, duty, age))
                continue
            class_type, grade, assessed, _left = schools[pid]
            if (class_type == "lateral" and grade and grade >= FIRST_ASSESSMENT_GRADE
                    and assessed is None):
                result.append(SchoolGap(pid, FIRST_ASSESSMENT, duty, age))
        elif (YOUNG_ADULTS[0] <= age <= YOUNG_ADULTS[1] and pid not in in_school
              and pid not in busy):
            result.append(SchoolGap(pid, YOUNG_ADULT, duty, age))
    result.sort(key=lambda g: (PROBLEMS.index(g.problem), -g.age, g.person_id))
    return result


def _busy(municipality: Municipality, day: datetime.date, wanted: QuerySet[Any]) -> set[int]:
    """Persons in a work measure, in a course, or working / at the vocational college /
    in a language course by their employment situation on ``day``."""
    placed = set(MeasurePlacement.objects.filter(
        municipality=municipality, start__lte=day, end__gte=day, person_id__in=wanted)
        .values_list("person_id", flat=True))
    learning = set(Referral.objects.filter(
        municipality=municipality, start__lte=day, ended_on__isnull=True,
        completed_on__isnull=True, person_id__in=wanted)
        .filter(Q(end__isnull=True) | Q(end__gte=day)).values_list("person_id", flat=True))
    working = {pid for pid, (activity,) in _latest(EmploymentRecord.objects.filter(
        municipality=municipality, valid_from__lte=day, person_id__in=wanted)
        .order_by("person_id", "valid_from", "pk").values_list("person_id", "activity")
    ).items() if activity in BUSY}
    return placed | learning | working
