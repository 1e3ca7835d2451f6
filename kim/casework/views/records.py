"""Forms that add to a case: appointments, notes, integration-plan goals and steps."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _

from kim.casework.domain import integration_plan as plan
from kim.casework.forms.appointments import AppointmentForm
from kim.casework.forms.integration_plan import GoalForm, StepForm
from kim.casework.forms.notes import NoteForm
from kim.casework.models import Appointment, CaseNote, IntegrationGoal, IntegrationStep
from kim.casework.views import case_redirect, case_url
from kim.core.http import TenantRequest
from kim.core.permissions.check import visible
from kim.core.views.base import form_page, tenant_url, tenant_view
from kim.people.domain.persons import current_household
from kim.people.models import Person


@tenant_view("casework.appointments:write", obj=Person)
def appointment_add(request: TenantRequest, person: Person) -> HttpResponse:
    member = current_household(person)
    household = member.household if member else None
    appointment = Appointment(municipality=person.municipality, person=person,
                              created_by=request.user)
    form = AppointmentForm(request.POST or None, instance=appointment, household=household)
    if request.method == "POST" and form.is_valid():
        if household is not None and form.cleaned_data.get("whole_household"):
            appointment.person, appointment.household = None, household
        with transaction.atomic():
            form.save()
        messages.success(request, _("The appointment was recorded."))
        return case_redirect(request, person.pk, "timeline")
    return form_page(request, form, title=_("New appointment for %(name)s") % {"name": person},
                     cancel_url=case_url(request, person.pk, "timeline"))


@tenant_view("casework.appointments:write", obj=Appointment)
def appointment_edit(request: TenantRequest, appointment: Appointment) -> HttpResponse:
    # A household appointment is edited from one member's page; return there.
    back = request.GET.get("person", "")
    person_id = appointment.person_id
    if person_id is None and back.isdigit():
        person_id = visible(request.user, "casework.appointments:write", request.municipality,
                            Person.objects.filter(pk=int(back))).values_list(
                                "pk", flat=True).first()
    cancel_url = (case_url(request, person_id, "timeline") if person_id is not None
                  else tenant_url(request, "casework:caseload"))
    form = AppointmentForm(request.POST or None, instance=appointment)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("The appointment was saved."))
        return HttpResponseRedirect(cancel_url)
    return form_page(request, form, title=_("Change appointment"), cancel_url=cancel_url)


@tenant_view("people.restricted:write", obj=Person)
def note_add(request: TenantRequest, person: Person) -> HttpResponse:
    form = NoteForm(request.POST or None, instance=CaseNote(
        municipality=person.municipality, person=person, created_by=request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The note was saved."))
        return case_redirect(request, person.pk, "notes")
    return form_page(request, form, title=_("New case note for %(name)s") % {"name": person},
                     cancel_url=case_url(request, person.pk, "notes"),
                     intro=_("Restricted: visible to case work only. Write only what the "
                             "work needs."))


def _goal_form(request: TenantRequest, goal: IntegrationGoal) -> HttpResponse:
    form = GoalForm(request.POST or None, instance=goal)
    if request.method == "POST" and form.is_valid():
        plan.save_goal(form.save(commit=False))
        messages.success(request, _("The goal was saved."))
        return case_redirect(request, goal.person_id, "plan")
    title = _("Change goal") if goal.pk else _("New goal for %(name)s") % {"name": goal.person}
    return form_page(request, form, title=title,
                     cancel_url=case_url(request, goal.person_id, "plan"))


@tenant_view("casework.integration_plan:write", obj=Person)
def goal_add(request: TenantRequest, person: Person) -> HttpResponse:
    return _goal_form(request, IntegrationGoal(municipality=person.municipality, person=person))


@tenant_view("casework.integration_plan:write",
             obj=lambda: IntegrationGoal.objects.select_related("person"))
def goal_edit(request: TenantRequest, goal: IntegrationGoal) -> HttpResponse:
    return _goal_form(request, goal)


def _step_form(request: TenantRequest, step: IntegrationStep) -> HttpResponse:
    form = StepForm(request.POST or None, instance=step)
    person_id = step.goal.person_id
    if request.method == "POST" and form.is_valid():
        plan.save_step(form.save(commit=False))
        messages.success(request, _("The step was saved."))
        return case_redirect(request, person_id, "plan")
    title = (_("Change step") if step.pk
             else _("New step for the goal “%(goal)s”") % {"goal": step.goal.text})
    return form_page(request, form, title=title,
                     cancel_url=case_url(request, person_id, "plan"))


@tenant_view("casework.integration_plan:write", obj=IntegrationGoal)
def step_add(request: TenantRequest, goal: IntegrationGoal) -> HttpResponse:
    return _step_form(request, IntegrationStep(municipality=goal.municipality, goal=goal))


@tenant_view("casework.integration_plan:write",
             obj=lambda: IntegrationStep.objects.select_related("goal"))
def step_edit(request: TenantRequest, step: IntegrationStep) -> HttpResponse:
    return _step_form(request, step)
