"""The fund for those who run and decide it: dashboard, applications, decision,
payments, final reports, budgets and rounds."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import (
    form_page,
    run_form,
    tenant_redirect,
    tenant_url,
    tenant_view,
)
from kim.fund.domain import decisions
from kim.fund.domain.ledger import ledger
from kim.fund.forms import DecisionForm, PaymentForm, RoundForm, YearForm
from kim.fund.models import GUIDELINES, Application, Decision, FundYear, Round
from kim.fund.views.listing import STAFF

READ, WRITE, DECIDE = ("fund.applications:read", "fund.applications:write",
                       "fund.applications:decide")


def applications() -> QuerySet[Application]:
    return Application.objects.select_related("round__fund_year", "organisation", "field")


def _year(request: TenantRequest, years: list[int]) -> int:
    raw = request.GET.get("year", "")
    if raw.isdigit() and int(raw) in years:
        return int(raw)
    today = timezone.localdate().year
    return today if today in years or not years else years[0]


@tenant_view(READ, list_view=True)
def dashboard(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    years = list(FundYear.objects.filter(municipality=town).values_list("year", flat=True))
    year = _year(request, years)
    today = timezone.localdate()
    rounds = list(Round.objects.filter(municipality=town, fund_year__year=year)
                  .annotate(count=Count("applications")))
    return render(request, "fund/dashboard.html", {
        "years": years, "year": year, "ledger": ledger(town, year, today), "today": today,
        "fund_year": FundYear.objects.filter(municipality=town, year=year).first(),
        "rounds": rounds, "can_write": has_perm(request.user, WRITE, town)})


@tenant_view(READ, list_view=True)
def application_list(request: TenantRequest) -> HttpResponse:
    qs = applications().filter(municipality=request.municipality)
    state = request.GET.get("decision", "")
    if state in Decision.values:
        qs = qs.filter(decision=state)
    table = STAFF.run(request, qs, caption=_("Applications"))
    if table.response:
        return table.response
    return render(request, "fund/application_list.html", {
        "table": table, "own": False, "decision": state, "decisions": Decision.choices})


def _detail(request: TenantRequest, application: Application, *, own: bool) -> HttpResponse:
    town = request.municipality
    checks = [(str(label), application.checks.get(key)) for key, label in GUIDELINES]
    return render(request, "fund/application_detail.html", {
        "application": application, "own": own, "checks": checks,
        "payments": list(application.payments.all()),
        "paid": decisions.paid(application),
        "usage": application.usage_reports.first(),
        "can_decide": not own and has_perm(request.user, DECIDE, town),
        "can_write": not own and has_perm(request.user, WRITE, town),
        "can_report": own and has_perm(request.user, "fund.own:write", town, application)})


@tenant_view(READ, obj=applications)
def application_detail(request: TenantRequest, application: Application) -> HttpResponse:
    return _detail(request, application, own=False)


@tenant_view(DECIDE, obj=applications)
def decide(request: TenantRequest, application: Application) -> HttpResponse:
    form = DecisionForm(request.POST or None, initial={
        "decided_on": timezone.localdate(), "amount_granted": application.amount_requested})

    def act(d: dict[str, Any]) -> None:
        decisions.decide(application, approve=d["decision"] == "approve",
                         amount=d["amount_granted"], conditions=d["conditions"],
                         checks=dict.fromkeys(d["checks"], True), on=d["decided_on"],
                         user=request.user)

    if run_form(request, form, act, _("The decision was recorded.")):
        return tenant_redirect(request, "fund:application_detail", pk=application.pk)
    return form_page(request, form, title=_("Decide: %(title)s") % {"title": application.title},
                     cancel_url=tenant_url(request, "fund:application_detail",
                                           pk=application.pk))


@tenant_view(WRITE, obj=applications)
def payment_add(request: TenantRequest, application: Application) -> HttpResponse:
    form = PaymentForm(request.POST or None, initial={"paid_on": timezone.localdate()})
    if run_form(request, form, lambda d: decisions.pay(
            application, amount=d["amount"], on=d["paid_on"], note=d["note"],
            user=request.user), _("The payment was recorded.")):
        return tenant_redirect(request, "fund:application_detail", pk=application.pk)
    return form_page(request, form, title=_("Payment: %(title)s") % {
        "title": application.title},
        cancel_url=tenant_url(request, "fund:application_detail", pk=application.pk))


@tenant_view(WRITE, obj=applications, get_status=302)
def usage_accept(request: TenantRequest, application: Application) -> HttpResponse:
    usage = application.usage_reports.first()
    if request.method == "POST" and usage is not None and usage.accepted_on is None:
        usage.accepted_on = timezone.localdate()
        usage.save(update_fields=["accepted_on"])
    return tenant_redirect(request, "fund:application_detail", pk=application.pk)


@tenant_view(WRITE)
def year_create(request: TenantRequest) -> HttpResponse:
    form = YearForm(request.POST or None, instance=FundYear(municipality=request.municipality))
    if run_form(request, form, lambda d: form.save(), _("The budget was saved.")):
        return tenant_redirect(request, "fund:dashboard")
    return form_page(request, form, title=_("Budget of a year"),
                     cancel_url=tenant_url(request, "fund:dashboard"))


def _to_dashboard(request: TenantRequest, year: int) -> HttpResponse:
    return HttpResponseRedirect(f"{tenant_url(request, 'fund:dashboard')}?year={year}")


@tenant_view(WRITE, obj=FundYear)
def year_edit(request: TenantRequest, fund_year: FundYear) -> HttpResponse:
    """Correct the budget (never below what is already committed: the form says so)."""
    form = YearForm(request.POST or None, instance=fund_year)
    if run_form(request, form, lambda d: form.save(), _("The budget was saved.")):
        return _to_dashboard(request, fund_year.year)
    return form_page(request, form, title=_("Budget of a year"),
                     cancel_url=tenant_url(request, "fund:dashboard"))


@tenant_view(WRITE, obj=Round)
def round_edit(request: TenantRequest, round_: Round) -> HttpResponse:
    """Move a deadline or rename a round; its applications stay with it."""
    form = RoundForm(request.POST or None, instance=round_)
    if run_form(request, form, lambda d: form.save(), _("The round was saved.")):
        return _to_dashboard(request, round_.fund_year.year)
    return form_page(request, form, title=_("Change the application round"),
                     cancel_url=tenant_url(request, "fund:dashboard"))


@tenant_view(WRITE)
def round_create(request: TenantRequest) -> HttpResponse:
    form = RoundForm(request.POST or None, instance=Round(municipality=request.municipality))
    if run_form(request, form, lambda d: form.save(), _("The round was saved.")):
        return tenant_redirect(request, "fund:dashboard")
    return form_page(request, form, title=_("New application round"),
                     cancel_url=tenant_url(request, "fund:dashboard"))


