"""Reports of the volunteers module (issue 14 item 6). Detail for the coordinators; the
steering group gets them as disclosure-controlled aggregates
(``reports.volunteer_aggregates:read``): counts of 1 or 2 volunteers or requests would
single out a person in a small town. Offers are organisations, not persons (``number``).
"""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.reports.registry import Column, Report, ReportData, ReportParams
from kim.volunteers.choices import OfferCategory, Skill, VolunteerRole
from kim.volunteers.models import Match, Offer, Request, Volunteer, WorkingGroup

AGGREGATES = "reports.volunteer_aggregates:read"


def active_on(day: datetime.date) -> QuerySet[Volunteer]:
    return Volunteer.objects.filter(Q(left_on=None) | Q(left_on__gt=day), joined_on__lte=day)


def volunteers_by_group(municipality: Municipality, params: ReportParams) -> ReportData:
    """Volunteers active on the date per working group, and per role within it (a
    volunteer in two groups or with two roles counts in each)."""
    rows = []
    volunteers = list(active_on(params.as_of).prefetch_related("working_groups")
                      .only("pk", "roles"))
    groups = {g.pk: g.name for g in WorkingGroup.objects.all()}
    counts: dict[int | None, dict[str, int]] = {}
    for v in volunteers:
        for gid in [g.pk for g in v.working_groups.all()] or [None]:
            row = counts.setdefault(gid, {"volunteers": 0})
            row["volunteers"] += 1
            for role in v.roles or ():
                row[role] = row.get(role, 0) + 1
    order = sorted(groups, key=lambda gid: groups[gid]) + [None]
    for gid in order:
        row = counts.get(gid, {})
        if gid is None and not row:
            continue
        rows.append({"group": groups[gid] if gid else gettext("no working group"),
                     "volunteers": row.get("volunteers", 0),
                     **{role: row.get(role, 0) for role in VolunteerRole.values}})
    return ReportData(rows, {})


def active_matches(municipality: Municipality, params: ReportParams) -> ReportData:
    """Assignments running on the date (started, not ended) per need."""
    day = params.as_of
    per_skill = dict(Match.objects.filter(started_on__lte=day)
                     .filter(Q(ended_on=None) | Q(ended_on__gt=day))
                     .values_list("request__skill").annotate(n=Count("pk"))
                     .values_list("request__skill", "n"))
    rows = [{"need_code": code or "-", "need": label if code else gettext("no particular need"),
             "matches": per_skill.get(code, 0)}
            for code, label in [*Skill.choices, ("", "")] if code or per_skill.get(code)]
    return ReportData(rows, {"matches": sum(r["matches"] for r in rows)})


def requests_by_need(municipality: Municipality, params: ReportParams) -> ReportData:
    """Requests received in the period per need: served (an assignment began by the
    reference date) and not (yet) served."""
    start = params.period_start or params.as_of.replace(month=1, day=1)
    received = Request.objects.filter(created_on__gte=start, created_on__lte=params.as_of)
    totals = dict(received.values_list("skill").annotate(n=Count("pk"))
                  .values_list("skill", "n"))
    served = dict(received.filter(matches__started_on__lte=params.as_of)
                  .values_list("skill").annotate(n=Count("pk", distinct=True))
                  .values_list("skill", "n"))
    rows = []
    for code, label in [*Skill.choices, ("", "")]:
        if not code and not totals.get(code):
            continue
        total, done = totals.get(code, 0), served.get(code, 0)
        rows.append({"need_code": code or "-",
                     "need": label if code else gettext("no particular need"),
                     "received": total, "served": done, "not_served": total - done})
    return ReportData(rows, {key: sum(r[key] for r in rows)
                             for key in ("received", "served", "not_served")})


def offers_by_category(municipality: Municipality, params: ReportParams) -> ReportData:
    """Offers in the directory per category and district (organisations, not persons)."""
    counts = (Offer.objects.values_list("category", "district__name")
              .annotate(n=Count("pk"))
              .order_by("category", F("district__name").asc(nulls_first=True)))
    labels = dict(OfferCategory.choices)
    rows = [{"category_code": cat, "category": labels.get(cat, cat),
             "district": district or pgettext("district", "whole town"), "offers": n}
            for cat, district, n in counts]
    return ReportData(rows, {"offers": sum(r["offers"] for r in rows)})


ROLE_COLUMNS = tuple(Column(code, label) for code, label in VolunteerRole.choices)

VOLUNTEERS_BY_GROUP = Report(
    name="volunteers_by_group",
    title=_("Volunteers by working group and role"),
    description=_("Volunteers active on the date per working group of the round table, and "
                  "how many of them hold each role. A volunteer in several groups or with "
                  "several roles counts in each."),
    columns=(Column("group", _("Working group"), "text"),
             Column("volunteers", _("Volunteers")), *ROLE_COLUMNS),
    compute=volunteers_by_group,
    permission="volunteers.pool:read",
    aggregate_permission=AGGREGATES,
)

ACTIVE_MATCHES = Report(
    name="volunteer_matches",
    title=_("Active volunteer assignments by need"),
    description=_("Assignments that had started and not ended on the date, per need of the "
                  "request."),
    columns=(Column("need_code", _("Code"), "text", code=True),
             Column("need", _("Need"), "text"),
             Column("matches", _("Active assignments"))),
    compute=active_matches,
    permission="volunteers.pool:read",
    aggregate_permission=AGGREGATES,
)

REQUESTS_BY_NEED = Report(
    name="volunteer_requests",
    title=_("Requests for volunteers by need"),
    description=_("Requests received in the period per need: served (an assignment began by "
                  "the end of the period) and not served."),
    columns=(Column("need_code", _("Code"), "text", code=True),
             Column("need", _("Need"), "text"),
             Column("received", _("Received"), sum_of=("served", "not_served")),
             Column("served", _("Served")), Column("not_served", _("Not served"))),
    compute=requests_by_need,
    permission="volunteers.pool:read",
    aggregate_permission=AGGREGATES,
    params=("as_of", "period"),
)

OFFERS_BY_CATEGORY = Report(
    name="volunteer_offers",
    title=_("Offers by category and district"),
    description=_("Entries of the offers directory per category and district."),
    columns=(Column("category_code", _("Code"), "text", code=True),
             Column("category", _("Category"), "text"),
             Column("district", _("District"), "text"),
             Column("offers", _("Offers"), "number")),
    compute=offers_by_category,
    permission="volunteers.offers:read",
    aggregate_permission=AGGREGATES,
)

REPORTS = [VOLUNTEERS_BY_GROUP, ACTIVE_MATCHES, REQUESTS_BY_NEED, OFFERS_BY_CATEGORY]
