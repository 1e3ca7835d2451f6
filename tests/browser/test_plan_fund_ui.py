"""Action plan and integration fund in a real browser: axe finds no serious violations."""

from django_scopes import scope, scopes_disabled

from kim.core.models import Membership
from kim.plan import demo
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.fund.world import build as fund_world


def test_plan_pages_pass_axe(page, personas, soest):
    demo.load(soest)
    from kim.plan.models import Measure, Plan

    with scope(municipality=soest):
        plan = Plan.objects.get()
        measure = Measure.objects.get(number="2.4")
        field = measure.plan_field_id
    log_in(page, "coordinator-soest", PASSWORD)
    for url in ["/soest/", "/soest/plan/", f"/soest/plan/{plan.pk}/",
                f"/soest/plan/{plan.pk}/?on=2020-06-30", f"/soest/plan/{plan.pk}/changes/",
                f"/soest/plan/measures/{measure.pk}/",
                f"/soest/plan/measures/{measure.pk}/status/new/",
                f"/soest/plan/fields/{field}/measures/new/", f"/soest/plan/{plan.pk}/version/",
                "/soest/reports/action_plan/"]:
        page.goto(url)
        assert axe_violations(page) == [], url


def test_fund_pages_pass_axe(page, personas, soest):
    with scope(municipality=soest):
        fund_world(soest, {"provider": personas["provider"].user}, 1)
        from kim.fund.models import Application

        own = Application.objects.filter(decision="approved").get()
        waiting = Application.objects.filter(decision="submitted").get()
    log_in(page, "steering-soest", PASSWORD)
    for url in ["/soest/fund/", "/soest/fund/applications/",
                f"/soest/fund/applications/{own.pk}/",
                f"/soest/fund/applications/{waiting.pk}/decide/",
                "/soest/reports/integration_fund/"]:
        page.goto(url)
        assert axe_violations(page) == [], url
    with scopes_disabled():
        assert Membership.objects.get(user=personas["provider"].user).organisation_id
    page.context.clear_cookies()
    log_in(page, "provider-soest", PASSWORD)
    for url in ["/soest/fund/mine/", f"/soest/fund/mine/{own.pk}/", "/soest/fund/mine/apply/"]:
        page.goto(url)
        assert axe_violations(page) == [], url
