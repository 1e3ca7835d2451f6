"""Pages of the action plan: the versions, one version as of a date, and keeping it."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.forms.dates import date_param
from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import form_page, run_form, tenant_redirect, tenant_url, tenant_view
from kim.plan.domain import plans as domain
from kim.plan.domain.status import plan_as_of
from kim.plan.figures import shown
from kim.plan.forms import GoalForm, PlanFieldForm, PlanForm, VersionForm
from kim.plan.models import Plan, PlanField

READ, WRITE = "plan.plans:read", "plan.plans:write"


@tenant_view(READ, list_view=True)
def plan_list(request: TenantRequest) -> HttpResponse:
    plans = list(Plan.objects.filter(municipality=request.municipality)
                 .select_related("predecessor"))
    return render(request, "plan/plan_list.html", {
        "plans": plans, "can_write": has_perm(request.user, WRITE, request.municipality)})


@tenant_view(READ, obj=Plan)
def plan_detail(request: TenantRequest, plan: Plan) -> HttpResponse:
    day = date_param(request, "on", timezone.localdate())
    view = plan_as_of(plan, day)
    measures = [m for fv in view.fields for m, _e in fv.rows]
    figures = shown({m.figure for m in measures if m.figure}, request.user,
                    request.municipality, day)
    for measure in measures:
        measure.shown_figure = figures.get(measure.figure)  # type: ignore[attr-defined]
    return render(request, "plan/plan_detail.html", {
        "view": view, "plan": plan, "day": day,
        "is_today": day == timezone.localdate(),
        "successors": list(plan.successors.all()),
        "can_write": has_perm(request.user, WRITE, request.municipality)})


@tenant_view(WRITE)
def plan_create(request: TenantRequest) -> HttpResponse:
    form = PlanForm(request.POST or None, instance=Plan(municipality=request.municipality))
    if run_form(request, form, lambda d: form.save(), _("The action plan was saved.")):
        return tenant_redirect(request, "plan:plan_detail", pk=form.instance.pk)
    return form_page(request, form, title=_("New action plan"),
                     cancel_url=tenant_url(request, "plan:plan_list"))


@tenant_view(WRITE, obj=Plan)
def plan_edit(request: TenantRequest, plan: Plan) -> HttpResponse:
    form = PlanForm(request.POST or None, instance=plan)
    if run_form(request, form, lambda d: form.save(), _("The action plan was saved.")):
        return tenant_redirect(request, "plan:plan_detail", pk=plan.pk)
    return form_page(request, form, title=_("Edit the action plan"),
                     cancel_url=tenant_url(request, "plan:plan_detail", pk=plan.pk))


@tenant_view(WRITE, obj=Plan)
def plan_version(request: TenantRequest, plan: Plan) -> HttpResponse:
    form = VersionForm(request.POST or None)
    created: list[Plan] = []
    if run_form(request, form,
                lambda d: created.append(domain.new_version(plan, d["title"], d["adopted_on"])),
                _("The new version was created as a copy.")):
        return tenant_redirect(request, "plan:plan_detail", pk=created[0].pk)
    return form_page(request, form, title=_("New version of the action plan"),
                     intro=_("The new version starts as a copy of fields, goals and measures "
                             "of “%(plan)s”. Each measure keeps the link to its predecessor, "
                             "so its status history stays readable.") % {"plan": plan.title},
                     cancel_url=tenant_url(request, "plan:plan_detail", pk=plan.pk))


@tenant_view(WRITE, obj=Plan)
def field_add(request: TenantRequest, plan: Plan) -> HttpResponse:
    form = PlanFieldForm(request.POST or None, instance=PlanField(
        municipality=request.municipality, plan=plan))
    if run_form(request, form, lambda d: form.save(), _("The field of action was added.")):
        return tenant_redirect(request, "plan:plan_detail", pk=plan.pk)
    return form_page(request, form, title=_("Add a field of action"),
                     cancel_url=tenant_url(request, "plan:plan_detail", pk=plan.pk))


@tenant_view(WRITE, obj=PlanField)
def field_edit(request: TenantRequest, plan_field: PlanField) -> HttpResponse:
    form = PlanFieldForm(request.POST or None, instance=plan_field)
    if run_form(request, form, lambda d: form.save(), _("The field of action was saved.")):
        return tenant_redirect(request, "plan:plan_detail", pk=plan_field.plan_id)
    return form_page(request, form, title=_("Edit the field of action"),
                     cancel_url=tenant_url(request, "plan:plan_detail", pk=plan_field.plan_id))


@tenant_view(WRITE, obj=PlanField)
def goal_add(request: TenantRequest, plan_field: PlanField) -> HttpResponse:
    form = GoalForm(request.POST or None)
    form.instance.municipality = request.municipality
    form.instance.plan_field = plan_field
    if run_form(request, form, lambda d: form.save(), _("The goal was added.")):
        return tenant_redirect(request, "plan:plan_detail", pk=plan_field.plan_id,
                               anchor=f"field-{plan_field.pk}")
    return form_page(request, form, title=_("Add a goal to %(field)s") % {
        "field": plan_field.field.name},
        cancel_url=tenant_url(request, "plan:plan_detail", pk=plan_field.plan_id))
