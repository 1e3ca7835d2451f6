"""The course catalogue inside kim: the list, a course with its participants, and the
forms of the coordinator (every course) and a provider (its own)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.permissions.check import has_perm, visible
from kim.core.views.base import (
    form_page,
    run_form,
    tenant_redirect,
    tenant_url,
    tenant_view,
)
from kim.education.access import MANAGE, organisation_id
from kim.education.forms import CourseForm
from kim.education.models import Course, CourseKind, CourseStatus, Referral


def with_counts(courses):  # type: ignore[no-untyped-def]
    """Courses with their numbers of open referrals and of enrolled participants."""
    open_ = Q(referrals__ended_on__isnull=True)
    return courses.select_related("provider", "area").annotate(
        referred=Count("referrals", filter=open_),
        enrolled=Count("referrals", filter=open_ & Q(referrals__start__isnull=False)
                       & Q(referrals__completed_on__isnull=True)))


COURSES = Listing("kurse", [
    Column("title", _lazy("Course"), value=lambda c: c.title, sort=("title",)),
    Column("kind", _lazy("Type"), value=lambda c: c.get_kind_display(), sort="kind"),
    Column("provider", _lazy("Provider"), value=lambda c: str(c.provider or ""),
           sort="provider__name"),
    Column("start", _lazy("Start"), value=lambda c: c.start, sort="start"),
    Column("status", _lazy("Status"), value=lambda c: c.get_status_display(), sort="status"),
    Column("seats", _lazy("Seats"), value=lambda c: c.seats, sort="seats", numeric=True),
    Column("enrolled", _lazy("Enrolled"), value=lambda c: c.enrolled, numeric=True),
    Column("referred", _lazy("Referred"), value=lambda c: c.referred, numeric=True),
], default="-start")


@tenant_view("education.courses:read", list_view=True)
def course_list(request: TenantRequest) -> HttpResponse:
    courses = Course.objects.filter(municipality=request.municipality)
    kind = request.GET.get("kind", "")
    if kind in CourseKind.values:
        courses = courses.filter(kind=kind)
    status = request.GET.get("status", "")
    if status in CourseStatus.values:
        courses = courses.filter(status=status)
    mine = request.GET.get("mine") == "1"
    if mine:
        courses = courses.filter(provider_id=organisation_id(request.user,
                                                             request.municipality))
    # counts for the shown page only (the export counts all): annotating every course
    # made the paginator's count join all referrals (1.1 s at 500 000 card entries)
    exporting = bool(request.GET.get("format"))
    table = COURSES.run(request, with_counts(courses) if exporting
                        else courses.select_related("provider"))
    if table.response:
        return table.response
    counts = {c.pk: c for c in with_counts(Course.objects.filter(
        pk__in=[c.pk for c in table.rows]))}
    for course in table.rows:
        course.referred = counts[course.pk].referred
        course.enrolled = counts[course.pk].enrolled
    table.caption = ngettext("%(count)s course", "%(count)s courses",
                             table.page.paginator.count) % {"count": table.page.paginator.count}
    return render(request, "education/course_list.html", {
        "table": table, "kinds": CourseKind.choices, "statuses": CourseStatus.choices,
        "kind": kind, "status": status, "mine": mine,
        "is_provider": organisation_id(request.user, request.municipality) is not None,
        "can_write": has_perm(request.user, "education.courses:write",
                              request.municipality)})


@tenant_view("education.courses:read", obj=Course)
def course_detail(request: TenantRequest, course: Course) -> HttpResponse:
    course = with_counts(Course.objects.filter(pk=course.pk)).get()
    participants = (visible(request.user, "education.records:read", request.municipality,
                            Referral.objects.filter(course=course))
                    .select_related("person").order_by("ended_on", "person__family_name"))
    return render(request, "education/course_detail.html", {
        "course": course, "participants": participants,
        "free": max(course.seats - course.enrolled, 0),  # type: ignore[attr-defined]
        "can_edit": has_perm(request.user, "education.courses:write", request.municipality,
                             course)})


def _provider_only(request: TenantRequest) -> int | None:
    """The organisation a provider's staff is limited to; None for the coordinator."""
    from kim.core.permissions.check import granted

    if MANAGE in granted(request.user, request.municipality):
        return None
    return organisation_id(request.user, request.municipality) or 0


@tenant_view("education.courses:write")
def course_create(request: TenantRequest) -> HttpResponse:
    form = CourseForm(request.POST or None, municipality=request.municipality,
                      provider_id=_provider_only(request),
                      instance=Course(municipality=request.municipality))
    if run_form(request, form, lambda d: form.save(), _("The course was saved.")):
        return tenant_redirect(request, "education:course_detail", pk=form.instance.pk)
    return form_page(request, form, title=_("New course"),
                     cancel_url=tenant_url(request, "education:course_list"))


@tenant_view("education.courses:write", obj=Course)
def course_edit(request: TenantRequest, course: Course) -> HttpResponse:
    form = CourseForm(request.POST or None, municipality=request.municipality,
                      provider_id=_provider_only(request), instance=course)
    if run_form(request, form, lambda d: form.save(), _("The course was saved.")):
        return tenant_redirect(request, "education:course_detail", pk=course.pk)
    return form_page(request, form, title=_("Change course %(title)s") % {
        "title": course.title}, cancel_url=tenant_url(request, "education:course_detail",
                                                       pk=course.pk))
