"""Children and youths for the school office: master data of minors, nothing else."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.domain.cldr import names
from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.permissions.check import visible
from kim.core.views.base import tenant_view
from kim.people.domain import persons as domain
from kim.people.forms.persons import PersonSearchForm
from kim.people.models import Person

PERMISSION = "people.children:read"


def _languages(person: Person) -> str:
    """Language names (not ISO codes) with the level."""
    spoken = names("languages")
    return ", ".join(f"{spoken.get(lang.language, lang.language)} ({lang.get_level_display()})"
                     for lang in person.languages.all()) or "–"


def _age(person: Person) -> int:
    return person.age_on(timezone.localdate())


CHILDREN = Listing("kinder_jugendliche", [
    Column("name", _("Name"), value=str, sort=("family_name", "given_names")),
    Column("birth", _("Date of birth"), value=lambda p: p.birth_date_display,
           sort="birth_date"),
    Column("age", _("Age"), value=_age, sort="-birth_date", numeric=True),
    Column("languages", _("Languages"), value=_languages),
])


@tenant_view(PERMISSION, list_view=True)
def children_list(request: TenantRequest) -> HttpResponse:
    form = PersonSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    # The permission's object rule admits minors who still live here (the same rule
    # decides the detail page).
    qs = visible(request.user, PERMISSION, request.municipality, domain.search(
        request.municipality, filters.get("q") or "", filters.get("birth_year")))
    table = CHILDREN.run(request, qs.prefetch_related("languages"))
    if table.response:
        return table.response
    rows = [{"person": p, "age": _age(p), "languages": _languages(p)} for p in table.rows]
    return render(request, "people/children_list.html", {
        "form": form, "table": table, "page": table.page, "rows": rows})


@tenant_view(PERMISSION, obj=Person)
def child_detail(request: TenantRequest, person: Person) -> HttpResponse:
    # The permission's object rule admits minors only; an adult is "not found" here, so
    # the page does not even confirm that the person exists.
    return render(request, "people/child_detail.html", {
        "person": person, "age": person.age_on(timezone.localdate()),
        "names": list(person.names.all()), "languages": list(person.languages.all())})
