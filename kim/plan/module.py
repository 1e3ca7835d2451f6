"""What the action-plan module adds to kim (product.md §2.8, §3 row "action plan, fund"):
plan versions, fields of action with goals, measures and their dated status entries, the
report ``action_plan`` and the council's PDF status report.

The coordinator writes the plan; steering, case work, the school office and the
volunteer coordination read it. The plan holds no person data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from kim.core.modules import Card, DemoLoader, KimModule, NavItem, Perm, lazy
from kim.plan.reports import ACTION_PLAN

READERS = ("coordinator", "steering", "caseworker", "school_office", "volunteer_coordinator")


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.plan.demo import load

    load(municipalities["soest-demo"])


module = KimModule(
    label="plan",
    permissions=[
        Perm("plan.plans:read", _("See the action plan, its measures and status reports"),
             READERS),
        Perm("plan.plans:write",
             _("Keep the action plan: versions, fields, goals, measures and status entries"),
             ("coordinator",)),
    ],
    navigation=[NavItem("plan", _("Action plan"), "plan:plan_list", "plan.plans:read", 60,
                        "plan:")],
    cards=[Card("plan_report_due", "plan/cards/report_due.html", "plan.plans:write",
                lazy("kim.plan.cards.report_due"), order=40)],
    reports=[ACTION_PLAN],
    demo_loaders=[DemoLoader("plan", 60, _demo)],
    urls="kim.plan.urls",
    url_prefix="plan/",
    public_modules=["kim.plan.models"],
)
