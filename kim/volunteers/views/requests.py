"""Requests: the coordination's list (no household), institution requests, and the
caseworker's own requests for a household (the household visible to its author only)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.domain.settings import setting
from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.pickers import enable_picker, picker_response
from kim.core.views.base import (
    form_page,
    paginate,
    query_without_page,
    run_form,
    tenant_redirect,
    tenant_url,
    tenant_view,
)
from kim.people.domain.households import picker_choices
from kim.volunteers.choices import slot_labels
from kim.volunteers.domain import lifecycle, proposal
from kim.volunteers.domain.policy import REQUEST_WAIT_DAYS
from kim.volunteers.forms import RequestForm
from kim.volunteers.matching import language_name
from kim.volunteers.models import Match, Request


def _describe(request: TenantRequest, r: Request) -> dict[str, object]:
    return {"language": language_name(r.language, (request.LANGUAGE_CODE or "de")[:2])
            if r.language else "", "slots": slot_labels(r.slots)}


@tenant_view("volunteers.pool:read", list_view=True)
def request_list(request: TenantRequest) -> HttpResponse:
    today = timezone.localdate()
    status = request.GET.get("status", Request.Status.OPEN)
    if status not in Request.Status.values:
        status = Request.Status.OPEN
    days = setting(request.municipality, REQUEST_WAIT_DAYS, today)
    waiting_since = today - datetime.timedelta(days=days)
    qs = Request.objects.filter(status=status).select_related("district", "institution")
    waiting = request.GET.get("waiting") == "1" and status == Request.Status.OPEN
    if waiting:
        qs = qs.filter(created_on__lte=waiting_since)
    page = paginate(request, qs)
    return render(request, "volunteers/request_list.html", {
        "page": page, "status": status, "statuses": Request.Status.choices,
        "waiting_since": waiting_since, "days": days, "waiting": waiting,
        "query": query_without_page(request),
        "can_write": has_perm(request.user, "volunteers.pool:write", request.municipality)})


@tenant_view("volunteers.pool:read", obj=Request)
def request_detail(request: TenantRequest, req: Request) -> HttpResponse:
    candidates = (proposal.ranked_candidates(request.municipality, req, timezone.localdate())
                  if req.status == Request.Status.OPEN else [])
    return render(request, "volunteers/request_detail.html", {
        "req": req, **_describe(request, req), "candidates": candidates,
        "matches": req.matches.select_related("volunteer"),
        "can_write": has_perm(request.user, "volunteers.pool:write", request.municipality)})


@tenant_view("volunteers.pool:write")
def request_create(request: TenantRequest) -> HttpResponse:
    form = RequestForm(request.POST or None, instance=Request(
        municipality=request.municipality, created_by=request.user))
    if run_form(request, form, lambda d: form.save(), _("The request was recorded.")):
        return tenant_redirect(request, "volunteers:request_detail", pk=form.instance.pk)
    return form_page(request, form, title=_("New request"),
                     cancel_url=tenant_url(request, "volunteers:request_list"),
                     intro=_("Describe the need without names or other data of persons."))


def _open() -> QuerySet[Request]:
    return Request.objects.filter(status=Request.Status.OPEN)


def _withdraw(request: TenantRequest, req: Request, back: str, done: str) -> HttpResponse:
    if request.method == "POST":
        lifecycle.withdraw(req)
        messages.success(request, _("The request was withdrawn."))
        return tenant_redirect(request, done)
    return render(request, "volunteers/confirm.html", {
        "title": _("Withdraw request #%(id)s?") % {"id": req.pk}, "cancel_url": back})


@tenant_view("volunteers.pool:write", obj=_open)
def request_withdraw(request: TenantRequest, req: Request) -> HttpResponse:
    return _withdraw(request, req, tenant_url(request, "volunteers:request_detail", pk=req.pk),
                     "volunteers:request_list")


@tenant_view("volunteers.pool:write", obj=_open)
def request_edit(request: TenantRequest, req: Request) -> HttpResponse:
    form = RequestForm(request.POST or None, instance=req)
    back = tenant_url(request, "volunteers:request_detail", pk=req.pk)
    if run_form(request, form, lambda d: form.save(), _("The request was saved.")):
        return tenant_redirect(request, "volunteers:request_detail", pk=req.pk)
    return form_page(request, form, title=_("Edit %(name)s") % {"name": req}, cancel_url=back)


# -- the caseworker's own requests -------------------------------------------------------
@tenant_view("volunteers.own_requests:write", list_view=True)
def own_list(request: TenantRequest) -> HttpResponse:
    page = paginate(request, Request.objects.filter(created_by=request.user)
                    .select_related("district").order_by("-created_on", "-pk"))
    return render(request, "volunteers/own_list.html", {"page": page})


@tenant_view("volunteers.own_requests:write")
def own_create(request: TenantRequest) -> HttpResponse:
    form = RequestForm(request.POST or None, household_field=True, instance=Request(
        municipality=request.municipality, created_by=request.user))
    if has_perm(request.user, "people.persons:read", request.municipality):
        enable_picker(form["household_number"], tenant_url(request, "volunteers:own_households"))
    if run_form(request, form, lambda d: form.save(), _("The request was sent to the "
                                                        "volunteer coordination.")):
        return tenant_redirect(request, "volunteers:own_detail", pk=form.instance.pk)
    return form_page(request, form, title=_("Ask for a volunteer"),
                     cancel_url=tenant_url(request, "volunteers:own_list"),
                     intro=_("The volunteer coordination sees the need, language, district "
                             "and times, and the short description – never the household. "
                             "Write no names there."))


@tenant_view("volunteers.own_requests:write", list_view=True)
def own_households(request: TenantRequest) -> HttpResponse:
    """The household picker of the request form (JSON, kim/core/pickers.py) – names only
    for those who may see persons; the others type the number."""
    town = request.municipality
    allowed = has_perm(request.user, "people.persons:read", town)
    return picker_response(request, lambda text: picker_choices(town, text) if allowed else [])


@tenant_view("volunteers.own_requests:write", obj=_open)
def own_withdraw(request: TenantRequest, req: Request) -> HttpResponse:
    return _withdraw(request, req, tenant_url(request, "volunteers:own_detail", pk=req.pk),
                     "volunteers:own_list")


@tenant_view("volunteers.own_requests:write", obj=Request)
def own_detail(request: TenantRequest, req: Request) -> HttpResponse:
    current = req.matches.exclude(state=Match.State.ENDED).select_related("volunteer").first()
    return render(request, "volunteers/own_detail.html", {
        "req": req, **_describe(request, req), "current": current,
        "shows_volunteer": current is not None and current.state != Match.State.PROPOSED})
