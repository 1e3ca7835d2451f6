"""The report ``course_waiting``: how long persons waited from eligibility (the first day
of their course access, the rules engine's stored time lines) to the start of their
course, median and 90th percentile per course type, for the courses started in a period
(issue 11 item 4). Medians of fewer than five persons are not shown, for every audience:
they would describe single persons; the counts go through disclosure control."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.reports.registry import Column, Report, ReportData, ReportParams
from kim.education.domain.waiting import waiting_table


def course_waiting(municipality: Municipality, params: ReportParams) -> ReportData:
    first = params.period_start or params.as_of.replace(month=1, day=1)
    rows, every = waiting_table(municipality, first, params.as_of)
    return ReportData(
        [{"kind": r.kind, "label": r.label, "started": r.started, "median_days": r.median,
          "p90_days": r.p90} for r in rows],
        {"started": every.started, "median_days": every.median, "p90_days": every.p90})


COURSE_WAITING = Report(
    name="course_waiting", title=_("Waiting time from eligibility to course start"),
    description=_("Enrolments starting in the period of persons with access to an "
                  "integration course: days from the first day of the access to the start of "
                  "the course. Median and 90th percentile are shown from five persons on."),
    columns=(Column("kind", _("Code"), "text"), Column("label", _("Type"), "text"),
             Column("started", _("Enrolments started")),
             Column("median_days", _("Median of days waited"), "number"),
             Column("p90_days", _("90th percentile of days waited"), "number")),
    compute=course_waiting, permission="education.records:all",
    aggregate_permission="reports.education_aggregates:read", params=("as_of", "period"))
