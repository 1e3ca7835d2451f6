"""Forms that add to a case: appointments, notes, plan goals and steps."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from kim.casework.domain import plan
from kim.casework.forms.appointments import AppointmentForm
from kim.casework.forms.notes import NoteForm
from kim.casework.forms.plan import GoalForm, StepForm
from kim.casework.models import Appointment, CaseNote, PlanGoal, PlanStep
from kim.casework.views import case_redirect, form_page
from kim.core.views.base import permission_required
from kim.people.domain.persons import current_household
from kim.people.models import Person


def _case_url(municipality: str, person_id: int, anchor: str) -> str:
    return reverse("casework:case", kwargs={"municipality": municipality,
                                            "pk": person_id}) + f"#{anchor}"


@permission_required("casework.appointments:write")
def appointment_add(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
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
        return case_redirect(municipality, person.pk, "timeline")
    return form_page(request, form, title=_("New appointment for %(name)s") % {"name": person},
                     cancel_url=_case_url(municipality, person.pk, "timeline"))


@permission_required("casework.appointments:write")
def appointment_edit(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    appointment = get_object_or_404(Appointment, pk=pk)
    # A household appointment is edited from one member's page; return there.
    back = request.GET.get("person", "")
    person_id = appointment.person_id or (int(back) if back.isdigit() else None)
    if person_id is not None:
        person_id = get_object_or_404(Person, pk=person_id).pk
        cancel_url = _case_url(municipality, person_id, "timeline")
    else:
        cancel_url = reverse("casework:caseload", kwargs={"municipality": municipality})
    form = AppointmentForm(request.POST or None, instance=appointment)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("The appointment was saved."))
        return HttpResponseRedirect(cancel_url)
    return form_page(request, form, title=_("Change appointment"), cancel_url=cancel_url)


@permission_required("people.restricted:write")
def note_add(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    form = NoteForm(request.POST or None, instance=CaseNote(
        municipality=person.municipality, person=person, created_by=request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The note was saved."))
        return case_redirect(municipality, person.pk, "notes")
    return form_page(request, form, title=_("New case note for %(name)s") % {"name": person},
                     cancel_url=_case_url(municipality, person.pk, "notes"),
                     intro=_("Restricted: visible to case work only. Write only what the "
                             "work needs."))


def _goal_form(request: HttpRequest, municipality: str, goal: PlanGoal) -> HttpResponse:
    form = GoalForm(request.POST or None, instance=goal)
    if request.method == "POST" and form.is_valid():
        plan.save_goal(form.save(commit=False))
        messages.success(request, _("The goal was saved."))
        return case_redirect(municipality, goal.person_id, "plan")
    title = _("Change goal") if goal.pk else _("New goal for %(name)s") % {"name": goal.person}
    return form_page(request, form, title=title,
                     cancel_url=_case_url(municipality, goal.person_id, "plan"))


@permission_required("casework.plan:write")
def goal_add(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    return _goal_form(request, municipality,
                      PlanGoal(municipality=person.municipality, person=person))


@permission_required("casework.plan:write")
def goal_edit(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    return _goal_form(request, municipality,
                      get_object_or_404(PlanGoal.objects.select_related("person"), pk=pk))


def _step_form(request: HttpRequest, municipality: str, step: PlanStep) -> HttpResponse:
    form = StepForm(request.POST or None, instance=step)
    person_id = step.goal.person_id
    if request.method == "POST" and form.is_valid():
        plan.save_step(form.save(commit=False))
        messages.success(request, _("The step was saved."))
        return case_redirect(municipality, person_id, "plan")
    title = (_("Change step") if step.pk
             else _("New step for the goal “%(goal)s”") % {"goal": step.goal.text})
    return form_page(request, form, title=title,
                     cancel_url=_case_url(municipality, person_id, "plan"))


@permission_required("casework.plan:write")
def step_add(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    goal = get_object_or_404(PlanGoal, pk=pk)
    return _step_form(request, municipality, PlanStep(municipality=goal.municipality, goal=goal))


@permission_required("casework.plan:write")
def step_edit(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    return _step_form(request, municipality,
                      get_object_or_404(PlanStep.objects.select_related("goal"), pk=pk))
