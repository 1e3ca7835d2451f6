"""Probable duplicates of a person, and merging two records of the same person."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.permissions.check import visible
from kim.core.views.base import tenant_redirect, tenant_view
from kim.people.domain.duplicates import person_like, probable_duplicates_of
from kim.people.domain.merge import MergeError, merge_persons
from kim.people.models import Person


@tenant_view("people.persons:write", obj=Person)
def person_duplicates(request: TenantRequest, person: Person) -> HttpResponse:
    matches = probable_duplicates_of(request.municipality, person_like(person),
                                     exclude_id=person.pk)
    return render(request, "people/duplicates.html", {"person": person, "matches": matches})


def _another_person(municipality: Any) -> list[dict[str, Any]]:
    return [{"other": pk} for pk in Person.objects.filter(municipality=municipality)
            .values_list("pk", flat=True)[1:2]]


@tenant_view("people.persons:write", obj=Person, samples=_another_person)
def person_merge(request: TenantRequest, keep: Person, other: int) -> HttpResponse:
    remove = visible(request.user, "people.persons:write", request.municipality,
                     Person.objects.all()).filter(pk=other).first()
    if remove is None:
        raise Http404("No such person")
    if keep.pk == remove.pk:
        return tenant_redirect(request, "people:person_detail", pk=keep.pk)
    if request.method == "POST":
        try:
            merge_persons(keep, remove, timezone.localdate())
        except MergeError as error:
            messages.error(request, str(error))  # nothing was changed: the merge is atomic
            keep.refresh_from_db()
        else:
            messages.success(request, _("The two records were merged into %(name)s.")
                             % {"name": keep})
            return tenant_redirect(request, "people:person_detail", pk=keep.pk)
    return render(request, "people/merge.html", {
        "keep": keep, "remove": remove,
        "statuses": {"keep": list(keep.statuses.all()), "remove": list(remove.statuses.all())},
    })
