"""The case page of a person: timeline, notes, documents, plan and gap flags."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from kim.casework.domain import caseload, documents, plan
from kim.casework.domain.gaps import gap_flags
from kim.casework.domain.timeline import timeline
from kim.core.audit.writer import record_read
from kim.core.permissions.check import has_perm
from kim.core.views.base import permission_required
from kim.people.domain.params import params_for
from kim.people.models import HouseholdMember, Person


@permission_required("casework.appointments:read")
def case(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    m = request.municipality  # type: ignore[attr-defined]

    def may(name: str) -> bool:
        return has_perm(request.user, name, m)

    memberships = list(HouseholdMember.objects.filter(person=person)
                       .select_related("household").order_by("-valid_from", "-pk"))
    current = next((x for x in memberships if x.valid_to is None), None)
    statuses = list(person.statuses.all())
    ctx: dict[str, Any] = {
        "person": person, "memberships": memberships, "current": current,
        "assignments": caseload.open_assignments(current.household) if current else [],
        "can_see_restricted": may("people.restricted:read"),
        "can_write_restricted": may("people.restricted:write"),
        "can_write_appointments": may("casework.appointments:write"),
        "can_see_plan": may("casework.plan:read"),
        "can_write_plan": may("casework.plan:write"),
        "can_assign": may("casework.caseload:write"),
        "notes": [], "documents": [], "checklist": [], "goals": [], "gaps": [],
    }
    if ctx["can_see_restricted"]:
        ctx["notes"] = list(person.case_notes.select_related("created_by"))
        ctx["documents"] = list(person.documents.select_related("uploaded_by"))
        ctx["checklist"] = documents.checklist({d.kind for d in ctx["documents"]})
        record_read(person, ["case_notes", "documents"], reason="case page")
    ctx["timeline"] = timeline(person, statuses=statuses, memberships=memberships,
                               notes=ctx["notes"] if ctx["can_see_restricted"] else None)
    if ctx["can_see_plan"]:
        ctx["goals"] = plan.goals_of(person)
        kinds = ({d.kind for d in ctx["documents"]} if ctx["can_see_restricted"]
                 else set(person.documents.values_list("kind", flat=True)))
        ctx["gaps"] = gap_flags(person, statuses=statuses, goals=ctx["goals"],
                                document_kinds=kinds, has_caseworker=bool(ctx["assignments"]),
                                today=timezone.localdate(),
                                params=params_for(request.municipality))  # type: ignore[attr-defined]
    return render(request, "casework/case.html", ctx)
