"""The report ``integration_fund``: the funded projects of the reference date's year
(approved up to that date) with the amounts committed and paid, and the year's budget and
what remains available ([Herne] 5.: 15 projects, 52 440,30 € as of 08.06.2017)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.reports.registry import Column, Report, ReportData, ReportParams
from kim.fund.domain.ledger import ZERO, granted
from kim.fund.models import FundYear


def integration_fund(municipality: Municipality, params: ReportParams) -> ReportData:
    day = params.as_of
    fund_year = FundYear.objects.filter(municipality=municipality, year=day.year).first()
    if fund_year is None:
        return ReportData([], {})
    apps = (granted(municipality, day.year, day)
            .select_related("round", "organisation", "field")
            .prefetch_related("payments").order_by("decided_on", "pk"))
    rows = []
    for app in apps:
        # payments after the reference date do not count
        paid = sum((p.amount for p in app.payments.all() if p.paid_on <= day), ZERO)
        rows.append({
            "round": app.round.name, "applicant": app.organisation.name,
            "project": app.title, "field": app.field.name, "field_code": app.field.code,
            "decided_on": app.decided_on.isoformat() if app.decided_on else "",
            "requested": app.amount_requested, "committed": app.amount_granted,
            "paid": paid, "budget": None, "available": None})
    committed = sum((r["committed"] for r in rows), ZERO)
    totals = {"requested": sum((r["requested"] for r in rows), ZERO),
              "committed": committed, "paid": sum((r["paid"] for r in rows), ZERO),
              "budget": fund_year.budget, "available": fund_year.budget - committed}
    return ReportData(rows, totals)


INTEGRATION_FUND = Report(
    name="integration_fund",
    title=_("Integration fund: funded projects and budget"),
    description=_("Projects of the reference date's year approved up to the date, with "
                  "the amounts requested, committed (granted) and paid up to the date; the "
                  "totals row shows the year's budget and what is still available "
                  "(budget minus committed)."),
    columns=(
        Column("round", _("Application round"), "text"),
        Column("applicant", _("Applicant"), "text"),
        Column("project", _("Project"), "text"),
        Column("field", _("Field of action"), "text"),
        Column("field_code", _("Field of action (code)"), "text", code=True),
        Column("decided_on", _("Decided on"), "text", iso="date"),
        Column("requested", _("Requested (€)"), "number"),
        Column("committed", _("Committed (€)"), "number"),
        Column("paid", _("Paid (€)"), "number"),
        Column("budget", _("Budget (€)"), "number"),
        Column("available", _("Available (€)"), "number"),
    ),
    compute=integration_fund,
    permission="fund.applications:read",
)
