"""My caseload, and assigning responsible caseworkers to households."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kim.casework.domain import caseload as domain
from kim.casework.forms.caseload import AssignForm
from kim.casework.models import CaseAssignment
from kim.casework.views import case_redirect, form_page
from kim.core.views.base import permission_required
from kim.people.models import Household, Person


@permission_required("casework.caseload:read")
def caseload(request: HttpRequest, municipality: str) -> HttpResponse:
    rows = domain.my_caseload(request.user, timezone.now())  # type: ignore[arg-type]
    return render(request, "casework/caseload.html", {"rows": rows})


def _back(request: HttpRequest, municipality: str) -> HttpResponse:
    """Back to the case page the user came from (``?person=``), else to the caseload."""
    person_id = request.GET.get("person", "")
    if person_id.isdigit():
        return case_redirect(municipality, get_object_or_404(Person, pk=int(person_id)).pk,
                             "caseworkers")
    return redirect("casework:caseload", municipality=municipality)


@permission_required("casework.caseload:write")
def assign(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    household = get_object_or_404(Household, pk=pk)
    form = AssignForm(request.POST or None, municipality=request.municipality,  # type: ignore[attr-defined]
                      household=household)
    if request.method == "POST" and form.is_valid():
        back = _back(request, municipality)  # resolved first: a bad ?person= writes nothing
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
        cancel_url=reverse("casework:caseload", kwargs={"municipality": municipality}),
        intro=_("Currently responsible: %(names)s") % {"names": current or "–"})


@permission_required("casework.caseload:write")
@require_POST
def end_assignment(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    assignment = get_object_or_404(CaseAssignment, pk=pk, until=None)
    back = _back(request, municipality)
    domain.end_assignment(assignment, timezone.localdate())
    messages.success(request, _("The responsibility was ended."))
    return back
