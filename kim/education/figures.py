"""Course figures other modules may show (``KimModule.figures``), and the breakdowns by
the person's area that the monitoring counts per district (issue 12 item 2)."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.db.models import Q, QuerySet

from kim.education.models import ChildcareRecord, Course, EmploymentRecord, Referral
from kim.education.reports import AGE_GROUPS, age_on, in_force

WORKING_AGE = (AGE_GROUPS[0][0], AGE_GROUPS[-1][1])  # [Soest] Tab. 6: 18 to 62


def enrolments(municipality: Any, day: datetime.date) -> QuerySet[Referral]:
    """Referrals enrolled in a course on ``day`` (not interrupted, not ended)."""
    return (Referral.objects.filter(municipality=municipality, start__lte=day)
            .filter(Q(end=None) | Q(end__gte=day))
            .filter(Q(ended_on=None) | Q(ended_on__gt=day))
            .filter(Q(interrupted_on=None) | Q(interrupted_on__gt=day)))


def enrolled(municipality: Any, day: datetime.date) -> int:
    """Persons enrolled in a course on ``day``."""
    return enrolments(municipality, day).values("person").distinct().count()


def enrolled_by_area(municipality: Any, day: datetime.date) -> Counter[int | None]:
    """Persons enrolled in a course on ``day`` per area of the person (None: no area)."""
    return Counter(area for _person, area in enrolments(municipality, day)
                   .values_list("person_id", "person__area_id").distinct())


def childcare_by_area(municipality: Any, day: datetime.date
                      ) -> Counter[tuple[str, int | None]]:
    """Children under 6 on ``day`` by their childcare situation in force ([Soest] Tab. 4)
    and area: (kind, area id) -> children."""
    counts: Counter[tuple[str, int | None]] = Counter()
    for birth, kind, area in in_force(ChildcareRecord.objects.filter(
            municipality=municipality), day, "kind", "person__area_id"):
        if birth <= day and age_on(birth, day) < 6:
            counts[(kind, area)] += 1
    return counts


def employment_by_area(municipality: Any, day: datetime.date
                       ) -> Counter[tuple[str, int | None]]:
    """Persons of working age (18–62) on ``day`` by their employment situation in force
    ([Soest] Tab. 6) and area: (activity, area id) -> persons."""
    low, high = WORKING_AGE
    counts: Counter[tuple[str, int | None]] = Counter()
    for birth, activity, area in in_force(EmploymentRecord.objects.filter(
            municipality=municipality), day, "activity", "person__area_id"):
        if low <= age_on(birth, day) <= high:
            counts[(activity, area)] += 1
    return counts


def running(municipality: Any, day: datetime.date) -> int:
    """Courses that have started and not ended on ``day``."""
    return (Course.objects.filter(municipality=municipality, start__lte=day)
            .filter(Q(end=None) | Q(end__gte=day)).count())
