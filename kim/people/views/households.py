from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm
from kim.core.views.base import tenant_redirect, tenant_view
from kim.people.domain.households import HouseholdError, merge, split
from kim.people.forms.households import MergeForm, SplitForm
from kim.people.models import Household


@tenant_view("people.persons:read", obj=Household)
def household_detail(request: TenantRequest, household: Household) -> HttpResponse:
    town = request.municipality
    members = list(household.members.select_related("person").order_by("-valid_to", "pk"))
    can_write = has_perm(request.user, "people.persons:write", town)
    current = [m for m in members if m.valid_to is None]
    # what the other modules know of each member: accommodation, caseworker …
    columns = [c for c in modules.person_columns()
               if c.key != "household" and has_perm(request.user, c.permission, town)]
    ids = [m.person_id for m in current]
    values = {c.key: c.values(town, ids) for c in columns}
    for m in current:
        m.extra = [(c.label, values[c.key].get(m.person_id, "–"))  # type: ignore[attr-defined]
                   for c in columns]
    return render(request, "people/household.html", {
        "household": household,
        "columns": columns,
        "can_see_case": has_perm(request.user, "casework.appointments:read", town),
        "crumbs": [(_("Household %(name)s") % {"name": household}, "")],
        "current": current,
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
