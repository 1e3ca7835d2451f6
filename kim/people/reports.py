"""Reports of the people app (product.md §7)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.reports.registry import Column, Report, ReportData, ReportParams
from kim.people.domain.benefits import REGIMES, STATUS_GROUPS, benefit_recipient_counts

GROUP_LABELS = {"gestattung": _("Aufenthaltsgestattung"), "duldung": _("Duldung"),
                "other": _("other status")}


def benefit_recipients(municipality: Municipality, params: ReportParams) -> ReportData:
    """AsylbLG recipients on ``as_of`` by status and basic/analogue benefits ([Soest] 4.2)."""
    counts = benefit_recipient_counts(municipality, params.as_of)
    rows = []
    for group in STATUS_GROUPS:
        row = {"status": str(GROUP_LABELS[group]), "status_code": group}
        row.update({regime: counts.get((group, regime), 0) for regime in REGIMES})
        row["total"] = sum(row[regime] for regime in REGIMES)
        rows.append(row)
    totals = {key: sum(r[key] for r in rows) for key in (*REGIMES, "total")}
    return ReportData(rows, totals)


BENEFIT_RECIPIENTS = Report(
    name="benefit_recipients",
    title=_("AsylbLG benefit recipients"),
    description=_("Persons of the municipality on the date (assigned, not moved away) whose "
                  "benefits follow the AsylbLG, by legal status and basic or analogue "
                  "benefits – as decided by kim's rules."),
    columns=(Column("status", _("Legal status"), "text"),
             Column("status_code", _("Code"), "text", code=True),
             Column("asylblg_basic", _("Basic benefits (§ 3 AsylbLG)")),
             Column("asylblg_analog", _("Analogue benefits (§ 2 AsylbLG)")),
             Column("total", _("Total"), sum_of=("asylblg_basic", "asylblg_analog"))),
    compute=benefit_recipients,
    permission="people.status:read",
    aggregate_permission="reports.status_aggregates:read",
)
