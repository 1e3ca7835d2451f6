"""Children and youths for the school office: master data of minors, nothing else."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from kim.core.permissions.check import has_perm
from kim.core.views.base import paginate, permission_required, query_without_page
from kim.people.domain import persons as domain
from kim.people.domain.children import minors
from kim.people.forms.persons import PersonSearchForm
from kim.people.models import Person

PERMISSION = "people.children:read"


@permission_required(PERMISSION)
def children_list(request: HttpRequest, municipality: str) -> HttpResponse:
    form = PersonSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    qs = minors(domain.search(request.municipality,  # type: ignore[attr-defined]
                              filters.get("q") or "", filters.get("birth_year")), today)
    page = paginate(request, qs.prefetch_related("languages"))
    rows = [{"person": p, "age": p.age_on(today)} for p in page.object_list]
    return render(request, "people/children_list.html", {
        "form": form, "page": page, "rows": rows, "query": query_without_page(request)})


@permission_required(PERMISSION)
def child_detail(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    # The permission's predicate admits minors only; an adult is "not found" here, so the
    # page does not even confirm that the person exists.
    if not has_perm(request.user, PERMISSION, request.municipality,  # type: ignore[attr-defined]
                    person):
        raise Http404("Not a child")
    return render(request, "people/child_detail.html", {
        "person": person, "age": person.age_on(timezone.localdate()),
        "names": list(person.names.all()), "languages": list(person.languages.all())})
