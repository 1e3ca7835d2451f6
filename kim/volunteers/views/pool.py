"""Volunteers and working groups: list with load per volunteer, detail, create, edit."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kim.core.domain.settings import setting
from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.permissions.check import has_perm
from kim.core.views.base import (
    form_page,
    run_form,
    tenant_redirect,
    tenant_url,
    tenant_view,
)
from kim.volunteers.choices import Skill, VolunteerRole, slot_labels
from kim.volunteers.domain.policy import CERTIFICATE_YEARS
from kim.volunteers.domain.proposal import OPEN_STATES
from kim.volunteers.forms import VolunteerForm, WorkingGroupForm
from kim.volunteers.matching import language_name
from kim.volunteers.models import Volunteer, WorkingGroup


def _can_write(request: TenantRequest) -> bool:
    return has_perm(request.user, "volunteers.pool:write", request.municipality)


VOLUNTEERS = Listing("ehrenamtliche", [
    Column("name", _lazy("Name"), value=str, sort=("family_name", "first_name")),
    Column("groups", _lazy("Working groups"),
           value=lambda v: ", ".join(g.name for g in v.working_groups.all())),
    Column("load", _lazy("Current assignments"), value=lambda v: v.load, sort="load",
           numeric=True),
    Column("capacity", _lazy("At most"), value=lambda v: v.capacity, sort="capacity",
           numeric=True),
    Column("left", _lazy("Left on"), value=lambda v: v.left_on, sort="left_on"),
], default="name")


@tenant_view("volunteers.pool:read", list_view=True)
def volunteer_list(request: TenantRequest) -> HttpResponse:
    groups = list(WorkingGroup.objects.all())
    qs = (Volunteer.objects.filter(anonymised=False)
          .annotate(load=Count("matches", filter=Q(matches__state__in=OPEN_STATES)))
          .prefetch_related("working_groups").order_by("family_name", "first_name", "pk"))
    group = request.GET.get("group", "")
    if group.isdigit():
        qs = qs.filter(working_groups=int(group))
    if request.GET.get("left") != "1":
        qs = qs.filter(left_on=None)
    q = request.GET.get("q", "").strip()[:100]
    if q:
        qs = qs.filter(Q(first_name__icontains=q) | Q(family_name__icontains=q))
    table = VOLUNTEERS.run(request, qs)
    if table.response:
        return table.response
    return render(request, "volunteers/volunteer_list.html", {
        "table": table, "groups": groups, "group": group, "q": q,
        "show_left": request.GET.get("left") == "1", "can_write": _can_write(request)})


@tenant_view("volunteers.pool:read", obj=Volunteer)
def volunteer_detail(request: TenantRequest, volunteer: Volunteer) -> HttpResponse:
    today = timezone.localdate()
    years = setting(request.municipality, CERTIFICATE_YEARS, today)
    skills, roles = dict(Skill.choices), dict(VolunteerRole.choices)
    return render(request, "volunteers/volunteer_detail.html", {
        "volunteer": volunteer,
        "languages": [(language_name(code, (request.LANGUAGE_CODE or "de")[:2]), level)
                      for code, level in volunteer.languages.items()],
        "skills": [skills.get(s, s) for s in volunteer.skills],
        "roles": [roles.get(r, r) for r in volunteer.roles],
        "slots": slot_labels(volunteer.slots),
        "certificate_until": volunteer.certificate_until(years), "today": today,
        "matches": volunteer.matches.select_related("request").order_by("-proposed_on"),
        "can_write": _can_write(request)})


@tenant_view("volunteers.pool:write")
def volunteer_create(request: TenantRequest) -> HttpResponse:
    form = VolunteerForm(request.POST or None,
                         instance=Volunteer(municipality=request.municipality))
    if run_form(request, form, lambda d: form.save(), _("The volunteer was recorded.")):
        return tenant_redirect(request, "volunteers:volunteer_detail", pk=form.instance.pk)
    return form_page(request, form, title=_("New volunteer"),
                     cancel_url=tenant_url(request, "volunteers:volunteer_list"),
                     intro=_("Record a volunteer only with their written consent to the "
                             "processing of their data."))


@tenant_view("volunteers.pool:write", obj=lambda: Volunteer.objects.filter(anonymised=False))
def volunteer_edit(request: TenantRequest, volunteer: Volunteer) -> HttpResponse:
    form = VolunteerForm(request.POST or None, instance=volunteer)
    back = tenant_url(request, "volunteers:volunteer_detail", pk=volunteer.pk)
    if run_form(request, form, lambda d: form.save(), _("The volunteer was saved.")):
        return tenant_redirect(request, "volunteers:volunteer_detail", pk=volunteer.pk)
    return form_page(request, form, title=_("Edit %(name)s") % {"name": volunteer},
                     cancel_url=back)


@tenant_view("volunteers.pool:write")
def group_create(request: TenantRequest) -> HttpResponse:
    form = WorkingGroupForm(request.POST or None,
                            instance=WorkingGroup(municipality=request.municipality))
    if run_form(request, form, lambda d: form.save(), _("The working group was added.")):
        return tenant_redirect(request, "volunteers:volunteer_list")
    return form_page(request, form, title=_("New working group"),
                     cancel_url=tenant_url(request, "volunteers:volunteer_list"))
