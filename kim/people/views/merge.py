"""Probable duplicates of a person, and merging two records of the same person."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.views.base import permission_required
from kim.people.domain.duplicates import person_like, probable_duplicates_of
from kim.people.domain.merge import MergeError, merge_persons
from kim.people.models import Person


@permission_required("people.persons:write")
def person_duplicates(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    matches = probable_duplicates_of(request.municipality,  # type: ignore[attr-defined]
                                     person_like(person), exclude_id=person.pk)
    return render(request, "people/duplicates.html", {"person": person, "matches": matches})


@permission_required("people.persons:write")
def person_merge(request: HttpRequest, municipality: str, pk: int, other: int) -> HttpResponse:
    keep = get_object_or_404(Person, pk=pk)
    remove = get_object_or_404(Person, pk=other)
    if keep.pk == remove.pk:
        return redirect("people:person_detail", municipality=municipality, pk=keep.pk)
    if request.method == "POST":
        try:
            merge_persons(keep, remove, timezone.localdate())
        except MergeError as error:
            messages.error(request, str(error))  # nothing was changed: the merge is atomic
            keep.refresh_from_db()
        else:
            messages.success(request, _("The two records were merged into %(name)s.")
                             % {"name": keep})
            return redirect("people:person_detail", municipality=municipality, pk=keep.pk)
    return render(request, "people/merge.html", {
        "keep": keep, "remove": remove,
        "statuses": {"keep": list(keep.statuses.all()), "remove": list(remove.statuses.all())},
    })
