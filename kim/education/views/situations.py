"""Childcare, schooling and the employment situation on the card; work measures with
their places and occupancy."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import (
    form_page,
    paginate,
    run_form,
    tenant_redirect,
    tenant_url,
    tenant_view,
)
from kim.education.domain.measures import place
from kim.education.forms_situations import (
    ChildcareForm,
    EmploymentForm,
    MeasureForm,
    PlacementForm,
    SchoolForm,
)
from kim.education.models import (
    ChildcareRecord,
    EmploymentRecord,
    Measure,
    MeasurePlacement,
    SchoolRecord,
)
from kim.education.views.cards import _entry_page
from kim.people.models import Person


@tenant_view("education.situations:write", obj=Person)
def childcare_add(request: TenantRequest, person: Person) -> HttpResponse:
    form = ChildcareForm(request.POST or None, municipality=request.municipality,
                         instance=ChildcareRecord(municipality=request.municipality,
                                                  person=person))
    return _entry_page(request, person, form, _("Childcare"),
                       _("The childcare situation was recorded."))


@tenant_view("education.situations:write", obj=Person)
def school_add(request: TenantRequest, person: Person) -> HttpResponse:
    form = SchoolForm(request.POST or None, municipality=request.municipality,
                      instance=SchoolRecord(municipality=request.municipality, person=person))
    return _entry_page(request, person, form, _("School"),
                       _("The school attendance was recorded."))


@tenant_view("education.situations:write", obj=Person)
def employment_add(request: TenantRequest, person: Person) -> HttpResponse:
    form = EmploymentForm(request.POST or None,
                          instance=EmploymentRecord(municipality=request.municipality,
                                                    person=person))
    return _entry_page(request, person, form, _("Employment situation"),
                       _("The employment situation was recorded."))


@tenant_view("education.placements:write", obj=Person)
def placement_add(request: TenantRequest, person: Person) -> HttpResponse:
    form = PlacementForm(request.POST or None, municipality=request.municipality,
                         instance=MeasurePlacement(municipality=request.municipality,
                                                   person=person))
    if run_form(request, form, lambda d: place(form.instance),
                _("The placement was recorded.")):
        return tenant_redirect(request, "education:card", pk=person.pk)
    return form_page(request, form, title=f"{_('Placement in a measure')}: {person}",
                     cancel_url=tenant_url(request, "education:card", pk=person.pk))


@tenant_view("education.measures:read", list_view=True)
def measure_list(request: TenantRequest) -> HttpResponse:
    today = timezone.localdate()
    now = Q(placements__start__lte=today, placements__end__gte=today)
    measures = (Measure.objects.filter(municipality=request.municipality)
                .select_related("organisation")
                .annotate(occupied=Count("placements", filter=now)).order_by("title"))
    return render(request, "education/measure_list.html", {
        "page": paginate(request, measures), "today": today,
        "can_write": has_perm(request.user, "education.measures:write",
                              request.municipality)})


@tenant_view("education.measures:write")
def measure_create(request: TenantRequest) -> HttpResponse:
    form = MeasureForm(request.POST or None, municipality=request.municipality,
                       instance=Measure(municipality=request.municipality))
    if run_form(request, form, lambda d: form.save(), _("The measure was saved.")):
        return tenant_redirect(request, "education:measure_list")
    return form_page(request, form, title=_("New measure"),
                     cancel_url=tenant_url(request, "education:measure_list"))


@tenant_view("education.measures:write", obj=Measure)
def measure_edit(request: TenantRequest, measure: Measure) -> HttpResponse:
    form = MeasureForm(request.POST or None, municipality=request.municipality,
                       instance=measure)
    if run_form(request, form, lambda d: form.save(), _("The measure was saved.")):
        return tenant_redirect(request, "education:measure_list")
    return form_page(request, form, title=_("Change measure %(title)s") % {
        "title": measure.title}, cancel_url=tenant_url(request, "education:measure_list"))
