"""A measure: its page with the status history across versions, keeping it, and
recording a status entry."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import form_page, run_form, tenant_redirect, tenant_url, tenant_view
from kim.plan.domain import plans as domain
from kim.plan.domain.status import history, lineage
from kim.plan.figures import shown
from kim.plan.forms import MeasureForm, StatusForm
from kim.plan.models import Measure, PlanField

READ, WRITE = "plan.plans:read", "plan.plans:write"


def _measures():  # type: ignore[no-untyped-def]
    return Measure.objects.select_related("plan_field__plan", "plan_field__field")


@tenant_view(READ, obj=_measures)
def measure_detail(request: TenantRequest, measure: Measure) -> HttpResponse:
    return render(request, "plan/measure_detail.html", {
        "measure": measure, "plan": measure.plan_field.plan, "entries": history(measure),
        "versions": lineage(measure)[1:],
        "figure": shown({measure.figure}, request.user, request.municipality,
                        timezone.localdate()).get(measure.figure),
        "can_write": has_perm(request.user, WRITE, request.municipality)})


@tenant_view(WRITE, obj=PlanField)
def measure_create(request: TenantRequest, plan_field: PlanField) -> HttpResponse:
    form = MeasureForm(request.POST or None, instance=Measure(
        municipality=request.municipality, plan_field=plan_field))
    if run_form(request, form, lambda d: form.save(), _("The measure was saved.")):
        return tenant_redirect(request, "plan:measure_detail", pk=form.instance.pk)
    return form_page(request, form, title=_("New measure in %(field)s") % {
        "field": plan_field.field.name},
        cancel_url=tenant_url(request, "plan:plan_detail", pk=plan_field.plan_id))


@tenant_view(WRITE, obj=_measures)
def measure_edit(request: TenantRequest, measure: Measure) -> HttpResponse:
    form = MeasureForm(request.POST or None, instance=measure)
    if run_form(request, form, lambda d: form.save(), _("The measure was saved.")):
        return tenant_redirect(request, "plan:measure_detail", pk=measure.pk)
    return form_page(request, form, title=_("Edit measure %(number)s") % {
        "number": measure.number},
        cancel_url=tenant_url(request, "plan:measure_detail", pk=measure.pk))


@tenant_view(WRITE, obj=_measures)
def status_add(request: TenantRequest, measure: Measure) -> HttpResponse:
    latest = history(measure)[:1]
    initial = {"reported_on": timezone.localdate()}
    if latest:
        initial.update({k: getattr(latest[0], k) for k in ("state", "progress", "goal",
                                                           "timing", "need")})
    form = StatusForm(request.POST or None, initial=initial)
    if run_form(request, form, lambda d: domain.record_status(measure, d, request.user),
                _("The status entry was recorded.")):
        return tenant_redirect(request, "plan:measure_detail", pk=measure.pk)
    return form_page(request, form, title=_("Status of measure %(number)s") % {
        "number": measure.number},
        intro=_("Record the status as of a date: goal, when, status and need for action. "
                "Earlier entries stay as they are, so the state on any past date can be "
                "shown."),
        cancel_url=tenant_url(request, "plan:measure_detail", pk=measure.pk))
