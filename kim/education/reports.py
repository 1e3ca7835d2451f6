"""Reports of the education module (product.md §7): ``childcare`` ([Soest] Tab. 4),
``schooling`` ([Soest] Tab. 5 for refugee pupils), ``employability`` ([Soest] Tab. 6),
``courses`` and ``measures`` ([Stuttgart] 5.).

Situations are dated records: a report for a day reads each person's record in force on
that day (the latest from that day or earlier) – one query, rows streamed in order.
Persons who moved away before the day are not counted. Person-level detail goes to case
work (``education.records:all``); the coordinator and the steering group get the
disclosure-controlled aggregates (``reports.education_aggregates:read``).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.reports.registry import Column, Report, ReportData, ReportParams
from kim.education.models import (
    Activity,
    ChildcareKind,
    ChildcareRecord,
    ClassType,
    Course,
    CourseKind,
    EmploymentRecord,
    Measure,
    MeasureKind,
    MeasurePlacement,
    Referral,
    SchoolRecord,
    SchoolStatistic,
)

DETAIL = "education.records:all"
AGGREGATE = "reports.education_aggregates:read"
AGE_GROUPS = ((18, 25), (26, 35), (36, 45), (46, 55), (56, 62))


def age_on(birth: datetime.date, day: datetime.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def in_force(records: QuerySet[Any], day: datetime.date, *fields: str
             ) -> Iterator[tuple[Any, ...]]:
    """(person birth date, *fields) of each person's record in force on ``day``."""
    rows = (records.filter(valid_from__lte=day).filter(
        Q(person__moved_away_date__isnull=True) | Q(person__moved_away_date__gt=day))
        .order_by("person_id", "valid_from", "pk")
        .values_list("person_id", "person__birth_date", *fields))
    current: tuple[Any, ...] | None = None
    for row in rows.iterator(chunk_size=5000):
        if current is not None and current[0] != row[0]:
            yield current[1:]
        current = row
    if current is not None:
        yield current[1:]


def childcare(municipality: Municipality, params: ReportParams) -> ReportData:
    """Children under 6 by age group (under 3 / 3 to 5) and how they are looked after."""
    counts: Counter[tuple[str, str]] = Counter()
    for birth, kind in in_force(ChildcareRecord.objects.filter(municipality=municipality),
                                params.as_of, "kind"):
        if birth > params.as_of:
            continue
        age = age_on(birth, params.as_of)
        if age < 6:
            counts[(kind, "u3" if age < 3 else "ue3")] += 1
    rows = [{"care": code, "label": str(label), "u3": counts[(code, "u3")],
             "ue3": counts[(code, "ue3")], "total": counts[(code, "u3")] + counts[(code, "ue3")]}
            for code, label in ChildcareKind.choices]
    return ReportData(rows, {k: sum(r[k] for r in rows) for k in ("u3", "ue3", "total")})


CHILDCARE = Report(
    name="childcare", title=_("Childcare of refugee children"),
    description=_("Children under 6 with a recorded childcare situation, by age group "
                  "([Soest] Tab. 4)."),
    columns=(Column("care", _("Code"), "text", code=True), Column("label", _("Childcare"), "text"),
             Column("u3", _("under 3 years")), Column("ue3", _("3 to 5 years")),
             Column("total", _("Total"), sum_of=("u3", "ue3"))),
    compute=childcare, permission=DETAIL, aggregate_permission=AGGREGATE)


ACTIVITIES = tuple(Activity.values)


def employability(municipality: Municipality, params: ReportParams) -> ReportData:
    """Persons 18–62 with a recorded employment situation, by age group and activity."""
    counts: Counter[tuple[int, str]] = Counter()
    for birth, activity in in_force(
            EmploymentRecord.objects.filter(municipality=municipality), params.as_of,
            "activity"):
        age = age_on(birth, params.as_of)
        for index, (low, high) in enumerate(AGE_GROUPS):
            if low <= age <= high:
                counts[(index, activity)] += 1
    rows = []
    for index, (low, high) in enumerate(AGE_GROUPS):
        row: dict[str, Any] = {"age_group": f"{low}-{high}"}
        for activity in ACTIVITIES:
            row[activity] = counts[(index, activity)]
        row["total"] = sum(row[a] for a in ACTIVITIES)
        rows.append(row)
    keys = (*ACTIVITIES, "total")
    return ReportData(rows, {k: sum(r[k] for r in rows) for k in keys})


EMPLOYABILITY = Report(
    name="employability", title=_("Refugees of working age by activity"),
    description=_("Persons aged 18 to 62 with a recorded employment situation ([Soest] "
                  "Tab. 6)."),
    columns=(Column("age_group", _("Age group"), "text"),
             *(Column(a, label) for a, label in Activity.choices),
             Column("total", _("Total"), sum_of=ACTIVITIES)),
    compute=employability, permission=DETAIL, aggregate_permission=AGGREGATE)


def school_year_of(day: datetime.date) -> datetime.date:
    """The first day (1 August) of the school year ``day`` belongs to."""
    start = datetime.date(day.year, 8, 1)
    return start if day >= start else datetime.date(day.year - 1, 8, 1)


STATISTIC = ("classes", "pupils", "foreign_pupils", "joint_teaching")


def schooling(municipality: Municipality, params: ReportParams) -> ReportData:
    """Per school: the school year's published figures ([Soest] Tab. 5: classes, pupils,
    foreign pupils, joint teaching) and the refugee pupils recorded in kim by class type on
    the day (records not left by then)."""
    counts: Counter[tuple[int, str]] = Counter()
    names: dict[int, str] = {}
    for _birth, school_id, school, class_type, left in in_force(
            SchoolRecord.objects.filter(municipality=municipality), params.as_of,
            "school_id", "school__name", "class_type", "left_on"):
        if left is None or left > params.as_of:
            counts[(school_id, class_type)] += 1
            names[school_id] = school
    figures: dict[int, tuple[Any, ...]] = {}
    for school_id, school, *values in SchoolStatistic.objects.filter(
            municipality=municipality, school_year=school_year_of(params.as_of)
            ).values_list("school_id", "school__name", *STATISTIC):
        names[school_id] = school
        figures[school_id] = tuple(values)
    types = tuple(ClassType.values)
    rows = []
    for school_id, name in sorted(names.items(), key=lambda item: item[1]):
        row: dict[str, Any] = {"school": name}
        row.update(zip(STATISTIC, figures.get(school_id, (None,) * len(STATISTIC)),
                       strict=True))
        for class_type in types:
            row[class_type] = counts[(school_id, class_type)]
        row["total"] = sum(row[t] for t in types)
        rows.append(row)
    totals = {k: sum(r[k] for r in rows) for k in (*types, "total")}
    for key in STATISTIC:
        given = [r[key] for r in rows if r[key] is not None]
        totals[key] = sum(given) if given else None
    return ReportData(rows, totals)


SCHOOLING = Report(
    name="schooling", title=_("Refugee pupils by school and class type"),
    description=_("Per school the figures of the school year as published by the school "
                  "office ([Soest] Tab. 5) and the refugee pupils recorded on the day by "
                  "class type."),
    columns=(Column("school", _("School"), "text"),
             Column("classes", _("Classes (school)"), "number"),
             Column("pupils", _("Pupils (school)"), "number"),
             Column("foreign_pupils", _("Foreign pupils (school)"), "number"),
             Column("joint_teaching", _("Joint teaching, GU (school)"), "number"),
             *(Column(t, label) for t, label in ClassType.choices),
             Column("total", _("Total"), sum_of=tuple(ClassType.values))),
    compute=schooling, permission=DETAIL, aggregate_permission=AGGREGATE)


def courses(municipality: Municipality, params: ReportParams) -> ReportData:
    """Per course type, the courses running on the day: courses, seats, enrolled, waiting
    (referred, not yet started), and over all courses of the type started by then:
    completed and ended without completion."""
    day = params.as_of
    running = Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))
    seats = dict(Course.objects.filter(running, municipality=municipality).values("kind")
                 .annotate(n=Count("pk")).values_list("kind", "n"))
    totals_by_kind: Counter[str] = Counter()
    for kind, n in Course.objects.filter(running, municipality=municipality).values_list(
            "kind", "seats"):
        totals_by_kind[kind] += n
    referrals = Referral.objects.filter(municipality=municipality, referred_on__lte=day)
    open_on = Q(ended_on__isnull=True) | Q(ended_on__gt=day)
    done = Q(completed_on__isnull=False, completed_on__lte=day)
    enrolled = Counter(dict(referrals.filter(open_on, start__lte=day).exclude(done).filter(
        Q(end__isnull=True) | Q(end__gte=day)).values("course__kind").annotate(
        n=Count("pk")).values_list("course__kind", "n")))
    waiting = Counter(dict(referrals.filter(open_on).filter(
        Q(start__isnull=True) | Q(start__gt=day)).values("course__kind").annotate(
        n=Count("pk")).values_list("course__kind", "n")))
    completed = Counter(dict(referrals.filter(done).values("course__kind").annotate(
        n=Count("pk")).values_list("course__kind", "n")))
    dropped = Counter(dict(referrals.filter(start__lte=day, ended_on__lte=day,
                                            completed_on__isnull=True)
                           .values("course__kind").annotate(n=Count("pk"))
                           .values_list("course__kind", "n")))
    rows = []
    for kind, label in CourseKind.choices:
        finished = completed[kind] + dropped[kind]
        rows.append({"kind": kind, "label": str(label), "courses": seats.get(kind, 0),
                     "seats": totals_by_kind[kind], "enrolled": enrolled[kind],
                     "waiting": waiting[kind], "completed": completed[kind],
                     "dropped": dropped[kind],
                     "completion_rate": round(100 * completed[kind] / finished, 1)
                     if finished else None})
    keys = ("courses", "seats", "enrolled", "waiting", "completed", "dropped")
    return ReportData(rows, {k: sum(r[k] for r in rows) for k in keys})


COURSES = Report(
    name="courses", title=_("Courses: seats, occupancy, waiting and completion"),
    columns=(Column("kind", _("Code"), "text", code=True),
             Column("label", _("Type"), "text"),
             Column("courses", _("Courses running"), "number"),
             Column("seats", _("Seats"), "number"), Column("enrolled", _("Enrolled")),
             Column("waiting", _("Waiting")), Column("completed", _("Completed")),
             Column("dropped", _("Ended without completion")),
             Column("completion_rate", _("Completion rate (%)"), "percent")),
    compute=courses, permission=DETAIL, aggregate_permission=AGGREGATE)


def measures(municipality: Municipality, params: ReportParams) -> ReportData:
    """Per measure type, internal and external: places and placements on the day."""
    day = params.as_of
    active = Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))
    current = Measure.objects.filter(active, municipality=municipality)
    places: Counter[tuple[str, bool]] = Counter()
    for kind, internal, n in current.values_list("kind", "internal", "places"):
        places[(kind, internal)] += n
    occupied = Counter({(kind, internal): n for kind, internal, n in (
        MeasurePlacement.objects.filter(measure__in=current, start__lte=day, end__gte=day)
        .values("measure__kind", "measure__internal").annotate(n=Count("pk"))
        .values_list("measure__kind", "measure__internal", "n"))})
    rows = []
    for kind, label in MeasureKind.choices:
        for internal in (True, False):
            rows.append({"kind": kind, "label": str(label),
                         "internal": "internal" if internal else "external",
                         "where": str(_("internal") if internal else _("external")),
                         "places": places[(kind, internal)],
                         "occupied": occupied[(kind, internal)]})
    return ReportData(rows, {k: sum(r[k] for r in rows) for k in ("places", "occupied")})


MEASURES = Report(
    name="measures", title=_("Work measures: places and occupancy"),
    columns=(Column("kind", _("Code"), "text", code=True),
             Column("label", _("Type"), "text"),
             Column("internal", _("Code"), "text", code=True),
             Column("where", _("Internal or external"), "text"),
             Column("places", _("Places"), "number"), Column("occupied", _("Occupied"))),
    compute=measures, permission=DETAIL, aggregate_permission=AGGREGATE)

from kim.education.reports_waiting import COURSE_WAITING  # noqa: E402  (its own file)

REPORTS = [CHILDCARE, SCHOOLING, EMPLOYABILITY, COURSES, MEASURES, COURSE_WAITING]
