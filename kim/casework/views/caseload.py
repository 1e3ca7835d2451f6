"""My caseload, and assigning responsible caseworkers to households."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from kim.casework.domain import caseload as domain
from kim.casework.forms.caseload import AssignForm, CaseloadFilterForm
from kim.casework.models import CaseAssignment
from kim.casework.views import case_redirect
from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.permissions.check import visible
from kim.core.views.base import form_page, tenant_redirect, tenant_url, tenant_view
from kim.people.models import Household, Person


def _next_appointment(row: dict[str, Any]) -> datetime.datetime | None:
    nxt = row["next_appointment"]
    return timezone.localtime(nxt.starts_at).replace(tzinfo=None) if nxt else None


CASELOAD = Listing("meine_faelle", [
    Column("household", _lazy("Household"), value=lambda r: str(r["household"]),
           sort=lambda r: str(r["household"]).casefold()),
    Column("members", _lazy("Members"),
           value=lambda r: ", ".join(str(m.person) for m in r["members"])),
    Column("next", _lazy("Next appointment"), value=_next_appointment, sort=_next_appointment),
    Column("kind", _lazy("Kind of appointment"), value=lambda r: (
        r["next_appointment"].get_kind_display() if r["next_appointment"] else "")),
    Column("goals", _lazy("Open plan goals"), value=lambda r: r["open_goals"],
           sort=lambda r: r["open_goals"], numeric=True),
], default="household")


@tenant_view("casework.caseload:read", list_view=True)
def caseload(request: TenantRequest) -> HttpResponse:
    now = timezone.now()
    everything = domain.my_caseload(request.user, now)
    form = CaseloadFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    rows = domain.filter_caseload(everything, data.get("q", ""), data.get("appointment", ""),
                                  now)
    table = CASELOAD.run(request, rows, caption=_("Households you are responsible for"))
    if table.response:
        return table.response
    return render(request, "casework/caseload.html", {
        "table": table, "form": form, "any": bool(everything), "shown": len(rows)})


def _back(request: TenantRequest) -> HttpResponse:
    """Back to the case page the user came from (``?person=``), else to the caseload."""
    person_id = request.GET.get("person", "")
    if person_id.isdigit():
        person = visible(request.user, "casework.appointments:read", request.municipality,
                         Person.objects.all()).filter(pk=int(person_id)).first()
        if person is None:
            raise Http404("No such person")
        return case_redirect(request, person.pk, "caseworkers")
    return tenant_redirect(request, "casework:caseload")


@tenant_view("casework.caseload:write", obj=Household)
def assign(request: TenantRequest, household: Household) -> HttpResponse:
    form = AssignForm(request.POST or None, municipality=request.municipality,
                      household=household)
    if request.method == "POST" and form.is_valid():
        back = _back(request)  # resolved first: a bad ?person= writes nothing
        try:
            domain.assign(household, form.cleaned_data["caseworker"], form.cleaned_data["since"])
        except (IntegrityError, ValidationError):  # a parallel request assigned them first
            form.add_error("caseworker", _("This caseworker is already responsible."))
        else:
            messages.success(request, _("The responsible caseworker was recorded."))
            return back
    current = ", ".join(str(a.caseworker) for a in domain.open_assignments(household))
    return form_page(
        request, form,
        title=_("Assign a caseworker to %(household)s") % {"household": household},
        cancel_url=tenant_url(request, "casework:caseload"),
        intro=_("Currently responsible: %(names)s") % {"names": current or "–"})


@tenant_view("casework.caseload:write", obj=lambda: CaseAssignment.objects.filter(until=None),
             get_status=405)
@require_POST
def end_assignment(request: TenantRequest, assignment: CaseAssignment) -> HttpResponse:
    back = _back(request)
    domain.end_assignment(assignment, timezone.localdate())
    messages.success(request, _("The responsibility was ended."))
    return back
