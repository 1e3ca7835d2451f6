"""Automatic gap flags: what the data says should be happening but is not recorded.

Pure function of data the case page has loaded anyway; decisions come from the rules engine.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kim.casework.models import Document, PlanGoal
from kim.casework.models.plan import FieldOfAction, PlanStatus
from kim.people.domain.facts import decisions_for
from kim.people.domain.persons import current_status
from kim.people.models import LegalStatus, Person
from kim.rules import DEFAULT_PARAMS, Params
from kim.rules.codes import RESIDENCE_PERMITS


@dataclass(frozen=True)
class GapFlag:
    code: str
    message: Promise | str
    basis: str = ""


def _basis(decisions: dict[str, Any], field: str) -> str:
    section = decisions.get(field)
    if isinstance(section, dict) and section.get("basis"):
        return str(section["basis"])
    explanation = decisions.get("explanations", {}).get(field, {})
    return str(explanation.get("basis", "")) if isinstance(explanation, dict) else ""


def gap_flags(person: Person, *, statuses: list[LegalStatus], goals: list[PlanGoal],
              document_kinds: set[str], has_caseworker: bool, today: datetime.date,
              params: Params = DEFAULT_PARAMS) -> list[GapFlag]:
    """``params``: the person's municipality's (kim.people.domain.params.params_for)."""
    flags: list[GapFlag] = []
    decisions = decisions_for(person, statuses, today, params=params)
    if decisions is not None:
        access = decisions["integration_course"]["access"]
        has_language_goal = any(g.field == FieldOfAction.LANGUAGE
                                and g.status != PlanStatus.DROPPED for g in goals)
        # Enrolments come with the education module; until then a language goal is the
        # sign that someone is taking care of it.
        if access in ("entitled", "admissible") and not has_language_goal:
            message = (_("Entitled to an integration course, but no language goal is recorded.")
                       if access == "entitled" else
                       _("May be admitted to an integration course, but no language goal is "
                         "recorded."))
            flags.append(GapFlag("integration_course", message,
                                 _basis(decisions, "integration_course")))
        if decisions["childcare"] in ("u3", "ue3") and person.childcare not in ("kita",
                                                                               "day_care"):
            flags.append(GapFlag("kita", _("Has a legal claim to a Kita place, but no Kita or "
                                           "child minder is recorded."),
                                 _basis(decisions, "childcare")))
        if decisions["schooling"] == "full_time":
            flags.append(GapFlag("school", _("Under full-time school duty: please check that "
                                             "the child is enrolled at a school."),
                                 _basis(decisions, "schooling")))
    status = current_status(statuses, today)
    if (status is not None and status.code in RESIDENCE_PERMITS
            and Document.Kind.AUFENTHALTSTITEL not in document_kinds):
        flags.append(GapFlag("documents", _("Holds a residence permit, but no copy of the "
                                            "Aufenthaltstitel is in the documents.")))
    if not has_caseworker:
        flags.append(GapFlag("caseworker", _("No responsible caseworker for the household.")))
    return flags
