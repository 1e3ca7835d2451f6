from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kim.core.permissions.check import has_perm
from kim.core.views.base import permission_required
from kim.people.domain.households import HouseholdError, merge, split
from kim.people.forms.households import MergeForm, SplitForm
from kim.people.models import Household


@permission_required("people.persons:read")
def household_detail(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    household = get_object_or_404(Household, pk=pk)
    members = list(household.members.select_related("person").order_by("-valid_to", "pk"))
    can_write = has_perm(request.user, "people.persons:write",
                         request.municipality)  # type: ignore[attr-defined]
    return render(request, "people/household.html", {
        "household": household,
        "current": [m for m in members if m.valid_to is None],
        "former": [m for m in members if m.valid_to is not None],
        "can_write": can_write,
        "split_form": SplitForm(household=household) if can_write else None,
        "merge_form": MergeForm(household=household) if can_write else None,
    })


@permission_required("people.persons:write")
def household_change(request: HttpRequest, municipality: str, pk: int,
                     action: str) -> HttpResponse:
    household = get_object_or_404(Household, pk=pk)
    form_class = SplitForm if action == "split" else MergeForm
    form = form_class(request.POST or None, household=household)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if action == "split":
                split(household, data["persons"], data["name"], data["on"])
            else:
                merge(household, data["other"], data["on"])
        except HouseholdError as exc:
            form.add_error("on", str(exc))
        else:
            messages.success(request, _("The household was changed."))
            return redirect("people:household_detail", municipality=municipality, pk=pk)
    return render(request, "people/household_change.html",
                  {"household": household, "form": form, "action": action})
