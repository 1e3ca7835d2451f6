"""The fund for an applicant organisation: its own applications only (another
organisation's application answers 404), applying to an open round, the final report."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.models import Organisation
from kim.core.views.base import (
    form_page,
    run_form,
    tenant_redirect,
    tenant_url,
    tenant_view,
)
from kim.fund.access import organisation_id
from kim.fund.domain import decisions
from kim.fund.forms import ApplicationForm, UsageForm
from kim.fund.models import Application, Round
from kim.fund.views.listing import OWN
from kim.fund.views.staff import _detail, applications

OWN_READ, OWN_WRITE = "fund.own:read", "fund.own:write"


@tenant_view(OWN_READ, list_view=True)
def own_list(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    org = organisation_id(request.user, town)
    qs = applications().filter(municipality=town, organisation_id=org) if org else (
        Application.objects.none())
    today = timezone.localdate()
    table = OWN.run(request, qs, caption=_("Applications"))
    if table.response:
        return table.response
    return render(request, "fund/application_list.html", {
        "table": table, "own": True, "has_organisation": org is not None,
        "open_rounds": list(Round.objects.filter(municipality=town, deadline__gte=today)
                            .select_related("fund_year"))})


@tenant_view(OWN_READ, obj=applications)
def own_detail(request: TenantRequest, application: Application) -> HttpResponse:
    return _detail(request, application, own=True)


@tenant_view(OWN_WRITE)
def own_apply(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    org = organisation_id(request.user, town)
    if org is None:
        return render(request, "fund/no_organisation.html", status=200)
    organisation = Organisation.objects.get(pk=org)
    form = ApplicationForm(request.POST or None, initial={"round": request.GET.get("round")})
    created: list[Application] = []
    if run_form(request, form, lambda d: created.append(decisions.submit(
            d["round"], organisation, d, on=timezone.localdate(), user=request.user)),
            _("The application was submitted.")):
        return tenant_redirect(request, "fund:own_detail", pk=created[0].pk)
    return form_page(request, form, title=_("Apply to the integration fund"),
                     intro=_("For %(organisation)s. The steering group decides after the "
                             "round's deadline.") % {"organisation": organisation.name},
                     cancel_url=tenant_url(request, "fund:own_list"))


@tenant_view(OWN_WRITE, obj=applications)
def own_report(request: TenantRequest, application: Application) -> HttpResponse:
    form = UsageForm(request.POST or None)
    if run_form(request, form, lambda d: decisions.report_usage(
            application, spent=d["spent"], text=d["text"], on=timezone.localdate()),
            _("The final report was submitted.")):
        return tenant_redirect(request, "fund:own_detail", pk=application.pk)
    return form_page(request, form, title=_("Final report and proof of use: %(title)s") % {
        "title": application.title},
        cancel_url=tenant_url(request, "fund:own_detail", pk=application.pk))
