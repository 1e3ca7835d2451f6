"""Plain-language labels for the rules engine's decisions (the engine speaks in codes)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from kim.core.localize import short_date
from kim.people.status_labels import STATUS_LABELS
from kim.rules.reasons import parts, reason

# The engine's explanations inside a legal basis (kim.rules.reasons.REASONS), same
# parameters; citations stay as they are.
REASON_LABELS = {
    "adult": _("adult"),
    "bamf_admission_stop": _("BAMF practice: no new admissions under § 44 Abs. 4 AufenthG"),
    "bamf_good_prospect": _("BAMF practice: good prospect to stay"),
    "course_expired": _("entitlement under § 44 Abs. 2 expired"),
    "earlier_law": _("earlier law not modelled, rule of %(day)s applied"),
    "eu_member": _("EU member state"),
    "exception": _("exception"),
    "fehlbeleger": _("Fehlbeleger: residents with a residence title"),
    "first_months": _("first %(months)s months"),
    "german_citizen": _("German citizenship"),
    "local_list": _("local list of %(name)s"),
    "no_claim_under_3": _("no claim under 3 years before %(day)s"),
    "no_good_prospect": _("no good prospect to stay"),
    "no_rule": _("no rule for this date"),
    "no_title": _("neither a residence title nor a Duldung"),
    "not_admissible": _("not admissible with this status"),
    "not_decided": _("not decided for settled persons, EU citizens and Germans"),
    "own_flat_recognition": _("own flat at the latest with the recognition"),
    "residence_permit": _("residence title"),
    "school_duty": _("under school duty"),
    "school_duty_ended": _("school duty ended"),
    "school_duty_started": _("school duty started"),
    "status_before": _("status before %(day)s"),
    "status_not_covered": _("status not covered"),
    "tolerated_or_leaving": _("tolerated or obliged to leave"),
    "under_16": _("under 16 years"),
    "years_elapsed": _("%(years)s years elapsed"),
}

FIELD_LABELS = {
    "benefits.regime": _("Benefits"),
    "responsible_office": _("Responsible office"),
    "integration_course.access": _("Integration course"),
    "employment.access": _("Access to employment"),
    "residence_obligation.applies": _("Residence obligation (§ 12a AufenthG)"),
    "childcare": _("Kita claim"),
    "schooling": _("School duty"),
    "target_group": _("Prospect to stay"),
    "housing_category": _("Private housing"),
}

VALUE_LABELS: dict[str, dict[Any, Any]] = {
    "benefits.regime": {
        "asylblg_basic": _("basic benefits under § 3 AsylbLG"),
        "asylblg_analog": _("analogue benefits under § 2 AsylbLG"),
        "sgb2": _("citizen's income (SGB II)"),
        "sgb12": _("social assistance (SGB XII)"),
        "not_applicable": _("not decided by refugee benefit law"),
    },
    "responsible_office": {
        "sozialamt": _("social welfare office (AsylbLG)"),
        "jobcenter": _("Jobcenter"),
        "sozialamt_sgb12": _("social welfare office (SGB XII)"),
        "jugendamt": _("youth welfare office"),
        "none": _("none"),
    },
    "integration_course.access": {
        "entitled": _("entitled"),
        "admissible": _("may be admitted"),
        "not_eligible": _("not eligible"),
        "not_applicable": _("not applicable"),
    },
    "employment.access": {
        "free": _("free"),
        "permit_required": _("needs a permit of the foreigners' authority"),
        "banned": _("not allowed"),
    },
    "residence_obligation.applies": {True: _("applies"), False: _("does not apply")},
    "childcare": {
        "none": _("no claim"),
        "conditional": _("claim under conditions (under 1 year)"),
        "u3": _("claim (1 to 3 years)"),
        "ue3": _("claim (3 years to school)"),
    },
    "schooling": {
        "none": _("none"),
        "not_yet": _("not yet"),
        "not_assigned": _("not yet (not assigned to a municipality)"),
        "full_time": _("full-time school duty"),
        "vocational": _("upper secondary / vocational school duty"),
    },
    "target_group": {
        "secure": _("secure"),
        "likely_secure": _("likely secure"),
        "unlikely": _("unlikely"),
        "eu_citizen": _("EU citizen"),
        "other": _("other"),
    },
    "housing_category": {
        "placeable": _("can be placed now"),
        "not_yet_placeable": _("not yet placeable"),
        "not_placeable": _("not placeable"),
        "not_applicable": _("not applicable"),
    },
}


DATE_LABELS = {
    "since": _("since %(day)s"),
    "entitled_until": _("entitled until %(day)s"),
    "last_day": _("last day %(day)s"),
}


def _day(value: Any) -> Any:
    """The engine's ISO date as people read it in the active language (05.03.2024)."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return short_date(datetime.date.fromisoformat(value))
        except ValueError:
            return value
    return value


def basis_label(basis: str) -> str:
    """A legal basis of the engine in the active language: citations as they are, the
    explanations translated (an unknown explanation stays as the engine wrote it)."""
    rendered = []
    for part in parts(basis):
        if isinstance(part, str):
            rendered.append(part)
        else:
            code, params = part
            label = REASON_LABELS.get(code)
            rendered.append(str(label) % params if label is not None else reason(code, **params))
    return "".join(rendered)


def value_label(field: str, value: Any) -> Any:
    return VALUE_LABELS.get(field, {}).get(value, value)


def due_value(kind: str, value: str) -> str:
    """The new value of a deadline (``Due.value``: a decision code, "true"/"false" or a
    status code) as people read it."""
    if value in STATUS_LABELS:
        return str(STATUS_LABELS[value])
    if value in ("true", "false"):
        return str(value_label(kind, value == "true"))
    return str(value_label(kind, value))


def _get(decisions: dict[str, Any], dotted: str) -> Any:
    node: Any = decisions
    for part in dotted.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def rows(decisions: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per decision: label, value label, legal basis, extra dates."""
    result = []
    for field, label in FIELD_LABELS.items():
        value = _get(decisions, field)
        section = decisions.get(field.split(".")[0])
        if isinstance(section, dict):
            basis = section.get("basis", "")
        else:  # plain-string decisions are explained beside them
            basis = decisions.get("explanations", {}).get(field, {}).get("basis", "")
        extra = {}
        if isinstance(section, dict):
            extra = {k: DATE_LABELS[k] % {"day": _day(v)} for k, v in section.items()
                     if k in DATE_LABELS and v}
        result.append({"field": field, "label": label, "value": value_label(field, value),
                       "code": value, "basis": basis_label(basis), "dates": extra})
    return result


def upcoming(decisions: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"date": _day(item["date"]), "label": FIELD_LABELS.get(item["field"], item["field"]),
             "value": value_label(item["field"], item["value"])}
            for item in decisions.get("upcoming", [])]
