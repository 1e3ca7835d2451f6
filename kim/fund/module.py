"""What the integration fund adds to kim (product.md §2.10, §3 row "action plan, fund"):
budgets, application rounds, applications, the steering group's decisions, payments and
final reports, the dashboard and the report ``integration_fund``.

The coordinator runs the fund (budget, rounds, payments, final reports); the steering
group decides; case work, the school office and the volunteer coordination read. An
applicant organisation's members (default role: provider) submit and see only their own
organisation's applications.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from kim.core.modules import DemoLoader, KimModule, NavItem, Perm
from kim.fund.access import is_own, own
from kim.fund.reports import INTEGRATION_FUND

READERS = ("coordinator", "steering", "caseworker", "school_office", "volunteer_coordinator")


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.fund.demo import load

    load(municipalities["herne-demo"])


module = KimModule(
    label="fund",
    permissions=[
        Perm("fund.applications:read",
             _("See the integration fund: budget, applications, decisions and payments"),
             READERS),
        Perm("fund.applications:write",
             _("Run the integration fund: budgets, rounds, applications on behalf of "
               "applicants, payments and final reports"), ("coordinator",)),
        Perm("fund.applications:decide",
             _("Decide fund applications (steering group)"), ("steering",)),
        Perm("fund.own:read", _("See the own organisation's fund applications"),
             ("provider",), predicate=is_own, scope=own),
        Perm("fund.own:write",
             _("Apply to the integration fund and report on the use of the money for the "
               "own organisation"), ("provider",), predicate=is_own, scope=own),
    ],
    navigation=[
        NavItem("fund", _("Integration fund"), "fund:dashboard", "fund.applications:read", 65,
                "fund:", parent="plan"),
        NavItem("fund_own", _("Fund applications"), "fund:own_list", "fund.own:read", 66,
                "fund:own_", parent="plan"),
    ],
    reports=[INTEGRATION_FUND],
    demo_loaders=[DemoLoader("fund", 65, _demo)],
    urls="kim.fund.urls",
    url_prefix="fund/",
    public_modules=["kim.fund.models"],
)
