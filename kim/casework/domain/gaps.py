"""Automatic gap flags: what the data says should be happening but is not recorded.

Every module may declare a ``GapSource``; case work's own flags (below) come from the rules
engine's decisions and case work's data. The case page collects the flags of every source
the reader may see (``collect``).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from kim.casework.domain import caseload
from kim.casework.models import Document, IntegrationGoal
from kim.casework.models.integration_plan import LANGUAGE, PlanStatus
from kim.core.models import Municipality
from kim.core.modules import GapContext, GapFlag
from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm
from kim.people.decision_labels import basis_label
from kim.people.domain.facts import decisions_for
from kim.people.domain.persons import current_household, current_status
from kim.people.models import LegalStatus, Person
from kim.rules import DEFAULT_PARAMS, Params
from kim.rules.codes import RESIDENCE_PERMITS

_UNSET = object()


def _basis(decisions: Any, field: str) -> str:
    section = decisions.get(field)
    if isinstance(section, dict) and section.get("basis"):
        return basis_label(str(section["basis"]))
    explanation = decisions.get("explanations", {}).get(field, {})
    return basis_label(str(explanation.get("basis", ""))) if isinstance(explanation, dict) else ""


def gap_flags(person: Person, *, statuses: list[LegalStatus], goals: list[IntegrationGoal],
              document_kinds: set[str], has_caseworker: bool, today: datetime.date,
              decisions: Mapping[str, Any] | None | object = _UNSET,
              params: Params = DEFAULT_PARAMS) -> list[GapFlag]:
    """Case work's flags, a pure function of loaded data: integration course without a
    language goal, Kita claim or school duty without a place, a residence permit without
    its copy, no caseworker. ``decisions``: the engine's decisions today, if at hand;
    otherwise they are computed with ``params`` (the person's municipality's,
    kim.people.domain.params.params_for)."""
    if decisions is _UNSET:
        decisions = decisions_for(person, statuses, today, params=params)
    flags: list[GapFlag] = []
    if isinstance(decisions, Mapping):
        access = decisions["integration_course"]["access"]
        has_language_goal = any(g.field.code == LANGUAGE
                                and g.status != PlanStatus.DROPPED for g in goals)
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


def casework_flags(person: Person, context: GapContext) -> list[GapFlag]:
    """Case work's gap source (declared in kim/casework/module.py): loads what
    ``gap_flags`` needs (a constant number of queries)."""
    member = current_household(person)
    return gap_flags(
        person, statuses=list(person.statuses.all()),
        goals=list(person.integration_goals.select_related("field")),
        document_kinds=set(person.documents.values_list("kind", flat=True)),
        has_caseworker=member is not None and bool(caseload.open_assignments(member.household)),
        today=context.today, decisions=context.decisions)


def collect(person: Person, user: Any, municipality: Municipality,
            context: GapContext) -> list[GapFlag]:
    """The flags of every gap source the user may see."""
    flags: list[GapFlag] = []
    for source in modules.gap_sources():
        if has_perm(user, source.permission, municipality):
            flags += source.flags(person, context)
    return flags
