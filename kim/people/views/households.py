from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.models import Municipality
from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm
from kim.core.pickers import enable_picker, picker_response
from kim.core.views.base import tenant_redirect, tenant_url, tenant_view
from kim.people.domain.households import HouseholdError, merge, picker_choices, split
from kim.people.forms.households import HouseholdFilterForm, MergeForm, SplitForm
from kim.people.models import Household, HouseholdMember


def _names(household: Household) -> str:
    return "; ".join(str(m.person) for m in household.current)  # type: ignore[attr-defined]


HOUSEHOLDS = Listing("haushalte", [
    Column("name", _lazy("Household"), value=str, sort=("name",)),
    Column("members", _lazy("Current members"), value=_names),
    Column("size", _lazy("Number of members"), value=lambda h: h.size, sort="size",
           numeric=True),
    Column("reference", _lazy("Reference"), value=lambda h: h.reference, sort="reference"),
    Column("dissolved", _lazy("Dissolved on"), value=lambda h: h.dissolved_on,
           sort="dissolved_on"),
], default="name")


def _households(town: Municipality, data: dict[str, object]) -> QuerySet[Household]:
    """The households of the filter, with their current members (3 queries a page)."""
    qs = Household.objects.filter(municipality=town)
    if not data.get("dissolved"):
        qs = qs.filter(dissolved_on=None)
    text = str(data.get("q") or "").strip()
    if text:
        named = HouseholdMember.objects.filter(valid_to=None,
                                               person__family_name__icontains=text)
        qs = qs.filter(Q(name__icontains=text) | Q(reference=text)
                       | Q(pk__in=named.values("household_id")))
    return (qs.annotate(size=Count("members", filter=Q(members__valid_to=None)))
            .prefetch_related(Prefetch("members", to_attr="current", queryset=(
                HouseholdMember.objects.filter(valid_to=None).select_related("person")
                .order_by("person__family_name", "person__given_names")))))


@tenant_view("people.persons:read", list_view=True)
def household_list(request: TenantRequest) -> HttpResponse:
    form = HouseholdFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    table = HOUSEHOLDS.run(request, _households(request.municipality, data))
    if table.response:
        return table.response
    return render(request, "people/household_list.html", {
        "form": form, "table": table, "crumbs": [(_("Households"), "")]})


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


@tenant_view("people.persons:write", list_view=True)
def household_choices(request: TenantRequest) -> HttpResponse:
    """The household picker of the merge form (JSON, kim/core/pickers.py)."""
    return picker_response(request, lambda text: picker_choices(request.municipality, text))


@tenant_view("people.persons:write", obj=Household)
def household_change(request: TenantRequest, household: Household, action: str) -> HttpResponse:
    form_class = SplitForm if action == "split" else MergeForm
    form = form_class(request.POST or None, household=household)
    if action == "merge":
        enable_picker(form["other"], tenant_url(request, "people:household_choices"))
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
