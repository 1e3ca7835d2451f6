"""A demonstration report built from the test's own memberships (people does not exist yet)."""

from __future__ import annotations

import pytest
from django.db.models import Count, Q
from django_scopes import scope

from kim.core.models import Membership, Role
from kim.core.reports.registry import Column, Report, ReportData, reports
from tests.conftest import make_member

DEMO = "members_demo"


def members_demo(municipality, as_of):
    """Per default role: active and deactivated memberships and their row sum."""
    roles = (Role.objects.filter(municipality=municipality).exclude(builtin="")
             .annotate(active=Count("memberships", filter=Q(memberships__is_active=True)),
                       inactive=Count("memberships", filter=Q(memberships__is_active=False)))
             .order_by("builtin"))
    rows = [{"role": r.builtin, "active": r.active, "inactive": r.inactive,
             "total": r.active + r.inactive} for r in roles]
    totals = {k: sum(r[k] for r in rows) for k in ("active", "inactive", "total")}
    return ReportData(rows, totals)


DEMO_REPORT = Report(
    name=DEMO, title="Members (demo)",
    columns=(Column("role", "Role", "text"), Column("active", "Active"),
             Column("inactive", "=Inactive"),  # a label that looks like a formula
             Column("total", "Total", sum_of=("active", "inactive"))),
    compute=members_demo, permission="core.roles:read",
    aggregate_permission="reports.monitoring_aggregates:read",
)


@pytest.fixture
def demo_report():
    reports.register(DEMO_REPORT)
    yield DEMO_REPORT
    reports.unregister(DEMO)


def add_members(municipality, role, active, inactive=0, prefix=None):
    prefix = prefix or role
    for i in range(active + inactive):
        member = make_member(municipality, f"{prefix}-{i}", role)
        if i >= active:
            with scope(municipality=municipality):
                Membership.objects.filter(pk=member.pk).update(is_active=False)


@pytest.fixture
def demo_data(personas, soest):
    """Soest after the personas (one active member per role) plus:
    caseworker 10 active + 1 deactivated, benefits 4 active, housing 1 deactivated."""
    add_members(soest, "caseworker", 9, 1, prefix="cw")
    add_members(soest, "benefits", 3, prefix="bn")
    add_members(soest, "housing", 0, 1, prefix="hs")
    return soest
