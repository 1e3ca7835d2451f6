"""The report ``action_plan`` (product.md §7): the measures of the plan in force on the
date, by field of action, with horizon and their status on that date."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.reports.registry import Column, Report, ReportData, ReportParams
from kim.plan.domain.status import plan_as_of
from kim.plan.models import Horizon, Plan, State


def plan_in_force(municipality: Municipality, day: object) -> Plan | None:
    return (Plan.objects.filter(municipality=municipality, adopted_on__lte=day)
            .order_by("-adopted_on", "-pk").first())


def action_plan(municipality: Municipality, params: ReportParams) -> ReportData:
    plan = plan_in_force(municipality, params.as_of)
    if plan is None:
        return ReportData([], {})
    view = plan_as_of(plan, params.as_of)
    horizons, states = dict(Horizon.choices), dict(State.choices)
    rows = []
    for fv in view.fields:
        for measure, entry in fv.rows:
            state = entry.state if entry else State.NOT_STARTED
            rows.append({
                "plan": plan.title, "field_number": fv.plan_field.number,
                "field": fv.plan_field.field.name, "field_code": fv.plan_field.field.code,
                "number": measure.number, "measure": measure.text, "owner": measure.owner,
                "participants": measure.participants,
                "horizon": str(horizons[measure.horizon]), "horizon_code": measure.horizon,
                "state": str(states[state]), "state_code": state,
                "progress": entry.progress if entry else 0,
                "status_date": entry.reported_on.isoformat() if entry else "",
                "status": entry.status if entry else "",
                "need": entry.need if entry else "",
            })
    return ReportData(rows, {})


ACTION_PLAN = Report(
    name="action_plan",
    title=_("Action plan: measures and their status"),
    description=_("The measures of the action plan in force on the date, by field of "
                  "action, with horizon, process owner and the status then in force (the "
                  "latest status entry up to the date; none: not started)."),
    columns=(
        Column("plan", _("Action plan"), "text"),
        Column("field_number", _("Field no."), "text"),
        Column("field", _("Field of action"), "text"),
        Column("field_code", _("Field of action (code)"), "text", code=True),
        Column("number", _("No."), "text"),
        Column("measure", _("Measure"), "text"),
        Column("owner", _("Process owner"), "text"),
        Column("participants", _("Participants"), "text"),
        Column("horizon", _("Horizon"), "text"),
        Column("horizon_code", _("Horizon (code)"), "text", code=True),
        Column("state", _("State"), "text"),
        Column("state_code", _("State (code)"), "text", code=True),
        Column("progress", _("Progress (%)"), "number"),
        Column("status_date", _("Status as of"), "text", iso="date"),
        Column("status", _("Status"), "text"),
        Column("need", _("Need for action"), "text"),
    ),
    row_label=("number", "measure"),  # repeated when the PDF splits the wide table
    compute=action_plan,
    permission="plan.plans:read",
)
