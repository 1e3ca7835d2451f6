"""What the allocation and quota module adds to kim: the Land's distribution statistics,
quota history and forecast, the arrivals register and their reports (product.md §2.3).

The Land statistics are public aggregate figures; housing officers keep them up to date
(imports, forecast assumptions), the case roles read them. The arrivals register counts
the municipality's own persons, so it goes to the roles that see person master data.
Steering sees both only as the disclosure-controlled reports (the quota through
``reports.monitoring_aggregates:read``, arrivals through ``reports.person_aggregates:read``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from kim.core.modules import DemoLoader, KimModule, NavItem, Perm
from kim.quota.reports import ARRIVALS_BY_ORIGIN, QUOTA


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.quota import demo as quota

    quota.load(municipalities["soest-demo"])


module = KimModule(
    label="quota",
    permissions=[
        Perm("quota.statistics:read",
             _("See the Land's distribution statistics, quota history and forecast"),
             ("caseworker", "benefits", "housing")),
        Perm("quota.statistics:write",
             _("Import the Land's distribution statistics and set forecast assumptions"),
             ("housing",)),
        Perm("quota.arrivals:read",
             _("See the arrivals register (assignments by country of origin)"),
             ("caseworker", "benefits", "housing")),
    ],
    navigation=[NavItem("quota", _("Quota"), "quota:quota", "quota.statistics:read", 30,
                        "quota:")],
    reports=[QUOTA, ARRIVALS_BY_ORIGIN],
    demo_loaders=[DemoLoader("quota", 40, _demo)],
    urls="kim.quota.urls",
    url_prefix="quota/",
    public_modules=["kim.quota.models", "kim.quota.domain.keys", "kim.quota.domain.params"],
)
