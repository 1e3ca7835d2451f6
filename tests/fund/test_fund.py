"""The fund: decisions within the budget, payments within the grant, applicant access
(own applications only), the steering group's decision through the page, audit."""

import datetime
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation
from django_scopes import scope, scopes_disabled

from kim.core.models import AuditEntry, Membership
from kim.fund import demo
from kim.fund.domain import decisions
from kim.fund.domain.ledger import ledger
from kim.fund.models import Application, Payment
from tests.fund.factories import (
    ApplicationFactory,
    FundYearFactory,
    RoundFactory,
)

D = datetime.date
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def fund(soest):
    with scope(municipality=soest):
        year = FundYearFactory(municipality=soest, year=2100, budget=Decimal("10000.00"))
        round_ = RoundFactory(fund_year=year, name="1. Runde")
        a = ApplicationFactory(round=round_, amount_requested=Decimal("6000.00"))
        b = ApplicationFactory(round=round_, amount_requested=Decimal("5000.00"))
        return {"year": year, "round": round_, "a": a, "b": b}


DECIDED = D(2100, 2, 1)


def approve(app, amount, on=DECIDED):
    return decisions.decide(app, approve=True, amount=Decimal(amount), conditions="",
                            checks={"integration": True}, on=on)


def test_commitments_stay_within_the_budget(soest, fund):
    with scope(municipality=soest), translation.override("en"):
        approve(fund["a"], "6000.00")
        with pytest.raises(ValidationError) as over:
            approve(fund["b"], "4000.01")
        assert over.value.message_dict == {"amount_granted": [
            "The budget of 2100 has only 4,000.00 € available; 4,000.01 € cannot be "
            "committed."]}
        fund["b"].refresh_from_db()
        assert (fund["b"].decision, fund["b"].amount_granted) == ("submitted", None)
        approve(fund["b"], "4000.00")
        figures = ledger(soest, 2100, D(2100, 12, 31))
        assert (figures.budget, figures.total.committed, figures.available,
                figures.total.projects) == (Decimal("10000.00"), Decimal("10000.00"),
                                            Decimal("0.00"), 2)


def test_a_decision_is_checked(soest, fund):
    with scope(municipality=soest), translation.override("en"):
        with pytest.raises(ValidationError) as more:
            approve(fund["a"], "6000.01")
        assert more.value.message_dict == {"amount_granted": [
            "At most the amount requested (6,000.00 €) can be granted."]}
        with pytest.raises(ValidationError) as early:
            approve(fund["a"], "100.00", on=D(2100, 1, 1))
        assert list(early.value.message_dict) == ["decided_on"]
        rejected = decisions.decide(fund["a"], approve=False, amount=None, conditions="",
                                    checks={}, on=D(2100, 2, 1))
        assert (rejected.decision, rejected.amount_granted) == ("rejected", None)
        with pytest.raises(ValidationError) as again:
            approve(fund["a"], "100.00")
        assert again.value.messages == ["This application has been decided already."]


def test_payments_stay_within_the_grant(soest, fund):
    with scope(municipality=soest), translation.override("en"):
        with pytest.raises(ValidationError) as unpaid:
            decisions.pay(fund["a"], amount=Decimal("1.00"), on=D(2100, 3, 1))
        assert unpaid.value.messages == ["Only an approved application can be paid."]
        app = approve(fund["a"], "3000.00")
        decisions.pay(app, amount=Decimal("1500.00"), on=D(2100, 3, 1))
        with pytest.raises(ValidationError) as too_much:
            decisions.pay(app, amount=Decimal("1500.01"), on=D(2100, 6, 1))
        assert too_much.value.message_dict == {"amount": [
            "Only 1,500.00 € of the amount granted are still to be paid."]}
        with pytest.raises(ValidationError) as before:
            decisions.pay(app, amount=Decimal("1.00"), on=D(2100, 1, 31))
        assert list(before.value.message_dict) == ["paid_on"]
        decisions.pay(app, amount=Decimal("1500.00"), on=D(2100, 6, 1))
        assert decisions.paid(app) == Decimal("3000.00")
        assert ledger(soest, 2100, D(2100, 4, 1)).total.paid == Decimal("1500.00")


def test_herne_demo_report_as_of_8_june_2017(herne):
    demo.load(herne)
    demo.load(herne)  # idempotent
    out = StringIO()
    call_command("report", "integration_fund", "--municipality", "herne", "--as-of",
                 "2017-06-08", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert len(data["rows"]) == 15
    assert data["totals"]["committed"] == 52440.30
    assert data["totals"]["available"] == 147559.70
    assert data["totals"]["budget"] == 200000.0
    assert {r["field_code"] for r in data["rows"]} == {
        "arrival", "children_families", "language_work", "participation", "housing",
        "networking"}
    later = StringIO()
    call_command("report", "integration_fund", "--municipality", "herne", "--as-of",
                 "2017-12-31", "--format", "json", stdout=later)
    assert len(json.loads(later.getvalue())["rows"]) == 16


@pytest.fixture
def applicant(personas, soest, fund):
    """The provider persona as member of the organisation of application ``a``."""
    with scopes_disabled():
        Membership.objects.filter(user=personas["provider"].user).update(
            organisation=fund["a"].organisation)
    return personas["provider"].client()


def test_applicant_sees_only_its_own_applications(applicant, fund):
    mine = applicant.get("/soest/fund/mine/", **EN).content.decode()
    assert fund["a"].title in mine and fund["b"].title not in mine
    assert applicant.get(f"/soest/fund/mine/{fund['a'].pk}/").status_code == 200
    assert applicant.get(f"/soest/fund/mine/{fund['b'].pk}/").status_code == 404
    assert applicant.get(f"/soest/fund/applications/{fund['a'].pk}/").status_code == 403
    assert applicant.get("/soest/fund/").status_code == 403


def test_applicant_applies_to_an_open_round(applicant, soest, fund):
    response = applicant.post("/soest/fund/mine/apply/", {
        "round": fund["round"].pk, "field": fund["a"].field_id, "title": "Nähcafé",
        "description": "Treffpunkt", "amount_requested": "1.234,56",
        "period_start": "2100-03-01", "period_end": "2100-02-01"},
        HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert "Das Projekt kann nicht enden, bevor es beginnt." in response.content.decode()
    response = applicant.post("/soest/fund/mine/apply/", {
        "round": fund["round"].pk, "field": fund["a"].field_id, "title": "Nähcafé",
        "description": "Treffpunkt", "amount_requested": "1.234,56",
        "period_start": "2100-03-01", "period_end": "2100-09-30"},
        HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302
    with scope(municipality=soest):
        created = Application.objects.get(title="Nähcafé")
    assert (created.organisation_id, created.amount_requested, created.decision) == (
        fund["a"].organisation_id, Decimal("1234.56"), "submitted")


def test_applicant_without_organisation_is_told_so(personas, fund):
    client = personas["provider"].client()
    assert fund["a"].title not in client.get("/soest/fund/mine/").content.decode()
    page = client.get("/soest/fund/mine/apply/", **EN).content.decode()
    assert "Your account belongs to no organisation." in page


def test_steering_decides_through_the_page_and_it_is_audited(personas, soest, fund):
    steering = personas["steering"].client()
    listing = steering.get("/soest/fund/applications/", **EN).content.decode()
    assert fund["a"].title in listing and fund["b"].title in listing
    assert personas["caseworker"].client().get(
        f"/soest/fund/applications/{fund['a'].pk}/decide/").status_code == 403
    refused = steering.post(f"/soest/fund/applications/{fund['a'].pk}/decide/", {
        "decision": "approve", "amount_granted": "6000,01", "decided_on": "2100-02-01",
        "checks": ["integration"]}, HTTP_ACCEPT_LANGUAGE="de")
    assert refused.status_code == 200
    assert "Höchstens der beantragte Betrag" in refused.content.decode()
    response = steering.post(f"/soest/fund/applications/{fund['a'].pk}/decide/", {
        "decision": "approve", "amount_granted": "5000", "decided_on": "2100-02-01",
        "conditions": "Bericht bis Jahresende", "checks": ["integration", "cost_plan"]})
    assert response.status_code == 302
    coordinator = personas["coordinator"].client()
    paid = coordinator.post(f"/soest/fund/applications/{fund['a'].pk}/payments/new/", {
        "paid_on": "2100-02-15", "amount": "2500", "note": "1. Rate"})
    assert paid.status_code == 302
    with scope(municipality=soest):
        app = Application.objects.get(pk=fund["a"].pk)
        assert (app.decision, app.amount_granted, app.checks, app.decided_by) == (
            "approved", Decimal("5000.00"), {"integration": True, "cost_plan": True},
            personas["steering"].user)
        payment = Payment.objects.get()
    with scopes_disabled():
        decided = AuditEntry.objects.get(model="fund.application", object_id=str(app.pk),
                                         action="update")
        assert decided.actor_id == personas["steering"].user.pk
        assert decided.changes["decision"] == ["submitted", "approved"]
        assert AuditEntry.objects.filter(model="fund.payment", object_id=str(payment.pk),
                                         action="create").exists()


def test_fund_report_as_csv_keeps_budget_and_available_in_the_totals_row(herne, tmp_path):
    demo.load(herne)
    out = StringIO()
    call_command("report", "integration_fund", "--municipality", "herne", "--as-of",
                 "2017-06-08", "--format", "csv", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 1 + 15 + 1  # header, projects, totals
    assert lines[-1].endswith(",53490.3,52440.3,18705.65,200000.0,147559.7")
    target = tmp_path / "fund.pdf"
    call_command("report", "integration_fund", "--municipality", "herne", "--as-of",
                 "2017-06-08", "--format", "pdf", "--output", str(target))
    assert target.read_bytes().startswith(b"%PDF")


def test_budget_and_rounds_can_be_corrected_but_not_below_the_commitments(personas, soest,
                                                                          fund):
    """A real office moves deadlines and corrects budgets (issue 15 item 4)."""
    with scope(municipality=soest):
        approve(fund["a"], "6000.00")
    client = personas["coordinator"].client()
    year, round_ = fund["year"], fund["round"]
    page = client.get("/soest/fund/?year=2100", **EN).content.decode()
    assert f"/soest/fund/years/{year.pk}/edit/" in page
    assert f"/soest/fund/rounds/{round_.pk}/edit/" in page
    low = client.post(f"/soest/fund/years/{year.pk}/edit/",
                      {"year": "2100", "budget": "5999,99"}, **EN)
    assert low.status_code == 200
    assert low.context["form"].errors["budget"] == [
        "6,000.00 € are already committed this year: the budget cannot be less."]
    moved = client.post(f"/soest/fund/years/{year.pk}/edit/",
                        {"year": "2101", "budget": "12000"}, **EN)
    assert "year" in moved.context["form"].errors  # it has a round
    ok = client.post(f"/soest/fund/years/{year.pk}/edit/", {"year": "2100", "budget": "12000"})
    assert ok.status_code == 302 and ok["Location"].endswith("/soest/fund/?year=2100")
    response = client.post(f"/soest/fund/rounds/{round_.pk}/edit/", {
        "fund_year": year.pk, "name": "Frühjahrsrunde", "deadline": "2100-04-30",
        "decision_on": "2100-05-15"})
    assert response.status_code == 302
    with scope(municipality=soest):
        year.refresh_from_db()
        round_.refresh_from_db()
    assert (year.budget, round_.name, round_.deadline) == (
        Decimal("12000.00"), "Frühjahrsrunde", D(2100, 4, 30))
    assert personas["steering"].client().get(
        f"/soest/fund/rounds/{round_.pk}/edit/").status_code == 403
