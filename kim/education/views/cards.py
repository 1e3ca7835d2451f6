"""A person's education card (BIK-S) and its entries. A provider reaches only persons
referred to its courses, and on the card only what the course needs: name, date of birth
and the card's entries – no legal status, household or notes (kim/education/access.py)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.permissions.check import granted, has_perm, visible
from kim.core.views.base import form_page, run_form, tenant_redirect, tenant_url, tenant_view
from kim.education.access import MANAGE, organisation_id
from kim.education.forms import (
    AssessmentForm,
    AttendanceForm,
    CertificateForm,
    ObligationForm,
    ReferralForm,
    ReferralUpdateForm,
)
from kim.education.models import (
    Assessment,
    Attendance,
    Certificate,
    ChildcareRecord,
    EmploymentRecord,
    MeasurePlacement,
    Obligation,
    Referral,
    SchoolRecord,
)
from kim.people.models import Person


def card_context(request: TenantRequest, person: Person) -> dict[str, Any]:
    """The card as the reader may see it: a provider gets the course entries, not the
    childcare, school and employment situation (those are case work's and the school
    office's)."""
    situations = has_perm(request.user, "education.situations:write", request.municipality)
    none = ChildcareRecord.objects.none
    referrals = list(visible(request.user, "education.records:read", request.municipality,
                             Referral.objects.filter(person=person))
                     .select_related("course__provider")
                     .prefetch_related("attendance"))
    return {
        "person": person, "referrals": referrals,
        "assessments": Assessment.objects.filter(person=person).select_related("provider"),
        "certificates": Certificate.objects.filter(person=person).select_related("issuer"),
        "obligations": Obligation.objects.filter(person=person),
        "situations": situations,
        "childcare": ChildcareRecord.objects.filter(person=person).select_related(
            "institution") if situations else none(),
        "schooling": SchoolRecord.objects.filter(person=person).select_related("school")
        if situations else none(),
        "employment": EmploymentRecord.objects.filter(person=person) if situations
        else none(),
        "placements": MeasurePlacement.objects.filter(person=person).select_related(
            "measure") if situations else none(),
        "can_place": has_perm(request.user, "education.placements:write",
                              request.municipality),
        "can_write": has_perm(request.user, "education.records:write", request.municipality,
                              person),
    }


@tenant_view("education.records:read", obj=Person)
def card(request: TenantRequest, person: Person) -> HttpResponse:
    return render(request, "education/card.html", card_context(request, person))


@tenant_view("education.records:read", obj=Person)
def card_pdf(request: TenantRequest, person: Person) -> HttpResponse:
    """The printable card: the person's whole education path as the reader may see it."""
    from django.template.loader import render_to_string
    from django.utils import timezone

    from kim.core.pdf import html_to_pdf

    html = render_to_string("education/card_print.html", {
        **card_context(request, person), "print": True, "today": timezone.localdate(),
        "municipality": request.municipality}, request=request)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bildungskarte-{person.pk}.pdf"'
    return response


def _back(request: TenantRequest, person_id: int) -> str:
    return tenant_url(request, "education:card", pk=person_id)


def _own_provider(request: TenantRequest) -> int | None:
    if "education.records:all" in granted(request.user, request.municipality) or \
            MANAGE in granted(request.user, request.municipality):
        return None
    return organisation_id(request.user, request.municipality)


def _entry_page(request: TenantRequest, person: Person, form: Any, title: str,
                success: str) -> HttpResponse:
    if run_form(request, form, lambda d: form.save(), success):
        return tenant_redirect(request, "education:card", pk=person.pk)
    return form_page(request, form, title=f"{title}: {person}",
                     cancel_url=_back(request, person.pk))


@tenant_view("education.records:write", obj=Person)
def referral_add(request: TenantRequest, person: Person) -> HttpResponse:
    form = ReferralForm(request.POST or None, municipality=request.municipality,
                        instance=Referral(municipality=request.municipality, person=person))
    return _entry_page(request, person, form, _("Refer to a course"),
                       _("The referral was recorded."))


@tenant_view("education.records:write", obj=Person)
def assessment_add(request: TenantRequest, person: Person) -> HttpResponse:
    form = AssessmentForm(request.POST or None, municipality=request.municipality,
                          provider_id=_own_provider(request),
                          instance=Assessment(municipality=request.municipality,
                                              person=person))
    return _entry_page(request, person, form, _("Language assessment"),
                       _("The assessment was recorded."))


@tenant_view("education.records:write", obj=Person)
def certificate_add(request: TenantRequest, person: Person) -> HttpResponse:
    form = CertificateForm(request.POST or None, municipality=request.municipality,
                           instance=Certificate(municipality=request.municipality,
                                                person=person))
    return _entry_page(request, person, form, _("Certificate"),
                       _("The certificate was recorded."))


@tenant_view("education.records:write", obj=Person)
def obligation_add(request: TenantRequest, person: Person) -> HttpResponse:
    form = ObligationForm(request.POST or None,
                          instance=Obligation(municipality=request.municipality,
                                              person=person))
    return _entry_page(request, person, form, _("Obligation to attend"),
                       _("The obligation was recorded."))


@tenant_view("education.records:write", obj=lambda: Referral.objects.select_related(
    "course", "person"))
def referral_edit(request: TenantRequest, referral: Referral) -> HttpResponse:
    form = ReferralUpdateForm(request.POST or None, instance=referral)
    return _entry_page(request, referral.person, form,
                       _("Enrolment in %(course)s") % {"course": referral.course},
                       _("The enrolment was saved."))


@tenant_view("education.records:write", obj=lambda: Referral.objects.select_related(
    "course", "person"))
def attendance_add(request: TenantRequest, referral: Referral) -> HttpResponse:
    form = AttendanceForm(request.POST or None,
                          instance=Attendance(municipality=request.municipality,
                                              referral=referral))
    return _entry_page(request, referral.person, form,
                       _("Attendance in %(course)s") % {"course": referral.course},
                       _("The attendance was recorded."))
