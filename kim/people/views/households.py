from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import tenant_redirect, tenant_view
from kim.people.domain.households import HouseholdError, merge, split
from kim.people.forms.households import MergeForm, SplitForm
from kim.people.models import Household


@tenant_view("people.persons:read", obj=Household)
def household_detail(request: TenantRequest, household: Household) -> HttpResponse:
    members = list(household.members.select_related("person").order_by("-valid_to", "pk"))
    can_write = has_perm(request.user, "people.persons:write", request.municipality)
    return render(request, "people/household.html", {
        "household": household,
        "current": [m for m in members if m.valid_to is None],
        "former": [m for m in members if m.valid_to is not None],
        "can_write": can_write,
        "split_form": SplitForm(household=household) if can_write else None,
        "merge_form": MergeForm(household=household) if can_write else None,
    })


@tenant_view("people.persons:write", obj=Household)
def household_change(request: TenantRequest, household: Household, action: str) -> HttpResponse:
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
            return tenant_redirect(request, "people:household_detail", pk=household.pk)
    return render(request, "people/household_change.html",
                  {"household": household, "form": form, "action": action})
