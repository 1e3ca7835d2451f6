"""The case page of a person: timeline, notes, documents, plan and gap flags."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kim.casework.domain import caseload, documents
from kim.casework.domain import integration_plan as plan
from kim.casework.domain.gaps import collect
from kim.casework.domain.timeline import timeline
from kim.core.audit.writer import record_read
from kim.core.http import TenantRequest
from kim.core.modules import GapContext
from kim.core.permissions.check import has_perm
from kim.core.views.base import tenant_url, tenant_view
from kim.people.domain.facts import decisions_for
from kim.people.domain.params import params_for
from kim.people.models import HouseholdMember, Person


@tenant_view("casework.appointments:read", obj=Person)
def case(request: TenantRequest, person: Person) -> HttpResponse:
    m = request.municipality

    def may(name: str) -> bool:
        return has_perm(request.user, name, m)

    memberships = list(HouseholdMember.objects.filter(person=person)
                       .select_related("household").order_by("-valid_from", "-pk"))
    current = next((x for x in memberships if x.valid_to is None), None)
    today = timezone.localdate()
    ctx: dict[str, Any] = {
        "person": person, "memberships": memberships, "current": current,
        "assignments": caseload.open_assignments(current.household) if current else [],
        "can_see_restricted": may("people.restricted:read"),
        "can_write_restricted": may("people.restricted:write"),
        "can_write_appointments": may("casework.appointments:write"),
        "can_see_plan": may("casework.integration_plan:read"),
        "can_write_plan": may("casework.integration_plan:write"),
        "can_assign": may("casework.caseload:write"),
        "notes": [], "documents": [], "checklist": [], "goals": [], "gaps": [],
    }
    if ctx["can_see_restricted"]:
        ctx["notes"] = list(person.case_notes.select_related("created_by"))
        ctx["documents"] = list(person.documents.select_related("uploaded_by"))
        ctx["checklist"] = documents.checklist({d.kind for d in ctx["documents"]})
        record_read(person, ["case_notes", "documents"], reason="case page")
    ctx["timeline"] = timeline(person, request.user, m)
    if ctx["can_see_plan"]:
        ctx["goals"] = plan.goals_of(person)
    decisions = (decisions_for(person, list(person.statuses.all()), today,
                               params=params_for(m))
                 if may("people.status:read") or ctx["can_see_plan"] else None)
    ctx["gaps"] = collect(person, request.user, m, GapContext(today, decisions))
    ctx["crumbs"] = ([(current.household, tenant_url(request, "people:household_detail",
                                                     pk=current.household_id))]
                     if current and may("people.persons:read") else []) + [(person, "")]
    return render(request, "casework/case.html", ctx)
