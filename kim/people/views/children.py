"""Children and youths for the school office: master data of minors, nothing else."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kim.core.http import TenantRequest
from kim.core.permissions.check import visible
from kim.core.views.base import paginate, query_without_page, tenant_view
from kim.people.domain import persons as domain
from kim.people.forms.persons import PersonSearchForm
from kim.people.models import Person

PERMISSION = "people.children:read"


@tenant_view(PERMISSION, list_view=True)
def children_list(request: TenantRequest) -> HttpResponse:
    form = PersonSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    # The permission's object rule admits minors who still live here (the same rule
    # decides the detail page).
    qs = visible(request.user, PERMISSION, request.municipality, domain.search(
        request.municipality, filters.get("q") or "", filters.get("birth_year")))
    page = paginate(request, qs.prefetch_related("languages"))
    rows = [{"person": p, "age": p.age_on(today)} for p in page.object_list]
    return render(request, "people/children_list.html", {
        "form": form, "page": page, "rows": rows, "query": query_without_page(request)})


@tenant_view(PERMISSION, obj=Person)
def child_detail(request: TenantRequest, person: Person) -> HttpResponse:
    # The permission's object rule admits minors only; an adult is "not found" here, so
    # the page does not even confirm that the person exists.
    return render(request, "people/child_detail.html", {
        "person": person, "age": person.age_on(timezone.localdate()),
        "names": list(person.names.all()), "languages": list(person.languages.all())})
