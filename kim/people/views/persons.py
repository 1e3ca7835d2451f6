"""Person list, search, page and edit forms."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.audit.writer import record_read
from kim.core.exports import FORMATS, table_response
from kim.core.permissions.check import has_perm
from kim.core.views.base import paginate, permission_required, query_without_page
from kim.people import decision_labels
from kim.people.domain import export, timelines
from kim.people.domain import persons as domain
from kim.people.domain.deadlines import refresh_person
from kim.people.domain.duplicates import Match, person_like, probable_duplicates_of
from kim.people.domain.facts import decisions_for
from kim.people.domain.params import params_for
from kim.people.forms.persons import PersonForm, PersonSearchForm, StatusForm, VulnerabilityForm
from kim.people.models import HouseholdMember, LegalStatus, Person


def _today() -> datetime.date:
    return timezone.localdate()


@permission_required("people.persons:read")
def person_list(request: HttpRequest, municipality: str) -> HttpResponse:
    form = PersonSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = domain.search(request.municipality,  # type: ignore[attr-defined]
                       filters.get("q") or "", filters.get("birth_year"))
    fmt = request.GET.get("format")
    if fmt:
        if fmt not in FORMATS:
            raise Http404
        return table_response("personen", fmt, export.HEADERS, export.rows(qs, _today()))
    page = paginate(request, domain.with_list_data(qs))
    today = _today()
    rows = [{"person": p, "status": domain.current_status(list(p.statuses.all()), today)}
            for p in page.object_list]
    return render(request, "people/person_list.html", {
        "form": form, "page": page, "rows": rows, "query": query_without_page(request)})


@permission_required("people.persons:read")
def person_detail(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    m = request.municipality  # type: ignore[attr-defined]
    statuses = list(person.statuses.all())
    today = _today()
    context = {
        "person": person,
        "names": list(person.names.all()),
        "languages": list(person.languages.all()),
        "memberships": list(HouseholdMember.objects.filter(person=person)
                            .select_related("household").order_by("-valid_from")),
        "can_write": has_perm(request.user, "people.persons:write", m),
        "can_see_status": has_perm(request.user, "people.status:read", m),
        "can_write_status": has_perm(request.user, "people.status:write", m),
        "can_see_restricted": has_perm(request.user, "people.restricted:read", m),
    }
    if context["can_see_status"]:
        decisions = decisions_for(person, statuses, today, params=params_for(m))
        context.update({
            "statuses": statuses,
            "current_status": domain.current_status(statuses, today),
            "decisions": decision_labels.rows(decisions) if decisions else None,
            "upcoming": decision_labels.upcoming(decisions) if decisions else [],
        })
    if context["can_see_restricted"]:
        context["vulnerabilities"] = list(person.vulnerabilities.all())
        record_read(person, ["vulnerabilities"], reason="person page")
    return render(request, "people/person_detail.html", context)


def _edit(request: HttpRequest, municipality: str, person: Person) -> HttpResponse:
    form = PersonForm(request.POST or None, instance=person)
    duplicates: list[Match] = []
    if request.method == "POST" and form.is_valid():
        person = form.save(commit=False)
        person.municipality = request.municipality  # type: ignore[attr-defined]
        if person.pk is None and not request.POST.get("confirm_new"):
            duplicates = probable_duplicates_of(person.municipality, person_like(person))
        if duplicates:
            return render(request, "people/person_form.html",
                          {"form": form, "person": person, "duplicates": duplicates})
        try:
            with transaction.atomic():
                domain.save_person(person)
                refresh_person(person, _today())
                timelines.refresh_persons(person.municipality, [person.pk], _today())
        except IntegrityError:
            form.add_error("external_id", _("Another person already has this external ID."))
        else:
            messages.success(request, _("%(name)s was saved.") % {"name": person})
            return redirect("people:person_detail", municipality=municipality, pk=person.pk)
    return render(request, "people/person_form.html",
                  {"form": form, "person": person, "duplicates": duplicates})


@permission_required("people.persons:write")
def person_create(request: HttpRequest, municipality: str) -> HttpResponse:
    return _edit(request, municipality, Person(municipality=request.municipality))  # type: ignore[attr-defined]


@permission_required("people.persons:write")
def person_edit(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    return _edit(request, municipality, get_object_or_404(Person, pk=pk))


@permission_required("people.status:write")
def status_add(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    form = StatusForm(request.POST or None,
                      instance=LegalStatus(person=person, municipality=person.municipality))
    if request.method == "POST" and form.is_valid():
        if person.statuses.filter(valid_from=form.cleaned_data["valid_from"]).exists():
            form.add_error("valid_from", _("There is already a status starting on this day."))
        else:
            with transaction.atomic():
                form.save()
                refresh_person(person, _today())
                timelines.refresh_persons(person.municipality, [person.pk], _today())
            messages.success(request, _("The status was recorded."))
            return redirect("people:person_detail", municipality=municipality, pk=person.pk)
    return render(request, "people/status_form.html", {"form": form, "person": person})


@permission_required("people.restricted:write")
def vulnerability_add(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    form = VulnerabilityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if person.vulnerabilities.filter(kind=form.cleaned_data["kind"]).exists():
            form.add_error("kind", _("This vulnerability is already recorded."))
        else:
            item = form.save(commit=False)
            item.person, item.municipality = person, person.municipality
            item.save()
            messages.success(request, _("The vulnerability was recorded."))
            return redirect("people:person_detail", municipality=municipality, pk=person.pk)
    return render(request, "people/vulnerability_form.html", {"form": form, "person": person})
