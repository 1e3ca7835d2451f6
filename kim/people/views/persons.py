"""Person list, search, page and edit forms."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from kim.core.audit.writer import record_read
from kim.core.exports import FORMATS, table_response
from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm
from kim.core.views.base import (
    add_errors,
    tenant_redirect,
    tenant_url,
    tenant_view,
)
from kim.people import decision_labels
from kim.people.domain import export
from kim.people.domain import persons as domain
from kim.people.domain.duplicates import Match, person_like, probable_duplicates_of
from kim.people.domain.facts import decisions_for
from kim.people.domain.names import MATCH_EXACT, MATCH_PHONETIC, MATCH_VARIANT
from kim.people.domain.params import params_for
from kim.people.domain.recording import delete_status, record_person, record_status
from kim.people.domain.search import ranked_search
from kim.people.forms.persons import PersonForm, PersonSearchForm, StatusForm, VulnerabilityForm
from kim.people.models import HouseholdMember, LegalStatus, Person


def _today() -> datetime.date:
    return timezone.localdate()


MATCH_LABELS = {MATCH_EXACT: _lazy("same name"), MATCH_PHONETIC: _lazy("sounds alike"),
                MATCH_VARIANT: _lazy("other spelling")}


def _person_listing(columns: list[Any], ranked: bool) -> Listing:
    """The person list's columns: the match kind while searching, then the columns other
    modules add (accommodation, household …) for the user's permissions. Searching keeps
    the ranked order until a column is chosen; otherwise by name."""
    return Listing("personen", [
        Column("name", _lazy("Name"), sort=("family_name", "given_names")),
        *([Column("match", _lazy("Match"))] if ranked else []),
        Column("birth", _lazy("Date of birth"), sort="birth_date"),
        Column("citizenships", _lazy("Citizenships")),
        Column("status", _lazy("Legal status today")),
        *(Column(c.key, c.label) for c in columns),
    ], default="" if ranked else "name")


@tenant_view("people.persons:read", list_view=True)
def person_list(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    form = PersonSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    text, year = filters.get("q") or "", filters.get("birth_year")
    columns = [c for c in modules.person_columns()
               if has_perm(request.user, c.permission, town)]
    listing = _person_listing(columns, bool(text))
    column, descending = listing.ordering(request)
    fmt = request.GET.get("format")
    if fmt:  # the import format (product.md §5.2), with the filter and order shown
        if fmt not in FORMATS:
            raise Http404
        qs = listing.sorted(domain.search(town, text, year), column, descending)
        return table_response("personen", fmt, export.HEADERS, export.rows(qs, _today()))
    ranked = ranked_search(town, text, year) if text else None
    if ranked is not None and column is None:
        table = listing.run(request, ranked.ids)
        loaded = {p.pk: p for p in domain.with_list_data(
            Person.objects.filter(pk__in=list(table.rows)))}
        persons = [loaded[pk] for pk in table.rows if pk in loaded]
    else:
        table = listing.run(request, domain.with_list_data(domain.search(town, text, year)))
        persons = list(table.rows)
    count = table.page.paginator.count
    table.caption = ngettext("%(counter)s person", "%(counter)s persons", count) % {
        "counter": count}
    ids = [p.pk for p in persons]
    values = {c.key: c.values(town, ids) for c in columns}
    today = _today()
    rows = [{"person": p, "status": domain.current_status(list(p.statuses.all()), today),
             "match": MATCH_LABELS.get(ranked.kinds.get(p.pk, "")) if ranked else None,
             "extra": [(c.label, values[c.key].get(p.pk, "–")) for c in columns]}
            for p in persons]
    return render(request, "people/person_list.html", {
        "form": form, "table": table, "rows": rows, "ranked": ranked is not None,
        "ranked_order": ranked is not None and column is None,
        "truncated": ranked.truncated if ranked else False})


@tenant_view("people.persons:read", obj=Person)
def person_detail(request: TenantRequest, person: Person) -> HttpResponse:
    m = request.municipality
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
    current = next((x for x in context["memberships"] if x.valid_to is None), None)
    context["crumbs"] = ([(current.household, tenant_url(request, "people:household_detail",
                                                         pk=current.household_id))]
                         if current else []) + [(person, "")]
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


def _edit(request: TenantRequest, person: Person) -> HttpResponse:
    form = PersonForm(request.POST or None, instance=person)
    duplicates: list[Match] = []
    if request.method == "POST" and form.is_valid():
        person = form.save(commit=False)
        person.municipality = request.municipality
        if person.pk is None and not request.POST.get("confirm_new"):
            duplicates = probable_duplicates_of(person.municipality, person_like(person))
        if duplicates:
            return render(request, "people/person_form.html",
                          {"form": form, "person": person, "duplicates": duplicates})
        try:
            record_person(person, _today())
        except ValidationError as exc:
            add_errors(form, exc)  # nothing was stored: one transaction
        else:
            messages.success(request, _("%(name)s was saved.") % {"name": person})
            return tenant_redirect(request, "people:person_detail", pk=person.pk)
    return render(request, "people/person_form.html",
                  {"form": form, "person": person, "duplicates": duplicates})


@tenant_view("people.persons:write")
def person_create(request: TenantRequest) -> HttpResponse:
    return _edit(request, Person(municipality=request.municipality))


@tenant_view("people.persons:write", obj=Person)
def person_edit(request: TenantRequest, person: Person) -> HttpResponse:
    return _edit(request, person)


def _status_form(request: TenantRequest, person: Person, status: LegalStatus,
                 done: str) -> HttpResponse:
    form = StatusForm(request.POST or None, instance=status)
    if request.method == "POST" and form.is_valid():
        try:
            record_status(form.instance, _today())
        except ValidationError as exc:
            add_errors(form, exc)  # nothing was stored: one transaction
        else:
            messages.success(request, done)
            return tenant_redirect(request, "people:person_detail", pk=person.pk)
    return render(request, "people/status_form.html",
                  {"form": form, "person": person, "status": status})


@tenant_view("people.status:write", obj=Person)
def status_add(request: TenantRequest, person: Person) -> HttpResponse:
    return _status_form(request, person,
                        LegalStatus(person=person, municipality=person.municipality),
                        _("The status was recorded."))


def _status_of_person(municipality: Any) -> list[dict[str, Any]]:
    """Conformance samples: the person of the status record the suite opens."""
    first = LegalStatus.objects.filter(municipality=municipality).order_by("pk").first()
    return [{"pk": first.person_id}] if first else []


def _statuses():  # type: ignore[no-untyped-def]
    return LegalStatus.objects.select_related("person")


@tenant_view("people.status:write", obj=_statuses, lookup="status", samples=_status_of_person)
def status_edit(request: TenantRequest, record: LegalStatus, pk: int) -> HttpResponse:
    if record.person_id != pk:
        raise Http404("No such status record of this person")
    return _status_form(request, record.person, record, _("The status was corrected."))


@tenant_view("people.status:write", obj=_statuses, lookup="status", samples=_status_of_person)
def status_delete(request: TenantRequest, record: LegalStatus, pk: int) -> HttpResponse:
    """A confirmation page; the POST deletes the record (audited) and recomputes the
    person's deadlines."""
    if record.person_id != pk:
        raise Http404("No such status record of this person")
    if request.method == "POST":
        delete_status(record, _today())
        messages.success(request, _("The status record was deleted."))
        return tenant_redirect(request, "people:person_detail", pk=pk)
    return render(request, "people/status_delete.html",
                  {"status": record, "person": record.person})


@tenant_view("people.restricted:write", obj=Person)
def vulnerability_add(request: TenantRequest, person: Person) -> HttpResponse:
    form = VulnerabilityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if person.vulnerabilities.filter(kind=form.cleaned_data["kind"]).exists():
            form.add_error("kind", _("This vulnerability is already recorded."))
        else:
            item = form.save(commit=False)
            item.person, item.municipality = person, person.municipality
            item.save()
            messages.success(request, _("The vulnerability was recorded."))
            return tenant_redirect(request, "people:person_detail", pk=person.pk)
    return render(request, "people/vulnerability_form.html", {"form": form, "person": person})
