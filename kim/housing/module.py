"""What the accommodation module adds to kim: facilities, places and stays (three-phase
model), placement and the waiting list for flats, their reports and deadlines
(product.md §2.4; §3: "accommodation & stays" – housing W, caseworker and benefits R,
coordinator and steering A; incidents: housing and case work).

Coordinator and steering hold none of these permissions: they see the occupancy reports
as disclosure-controlled aggregates through ``reports.housing_aggregates:read`` (the
private-housing report also needs legal-status aggregates: steering only).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from kim.core.modules import (
    AuditRules,
    Card,
    DeadlineSource,
    DemoLoader,
    KimModule,
    NavItem,
    Perm,
    PolicySetting,
    TimelineSource,
)
from kim.housing.cards import free_places
from kim.housing.domain import policy
from kim.housing.domain.sources import DEADLINE_KINDS, deadlines, move_events
from kim.housing.reports import HOUSING_PLACEMENT, OCCUPANCY, REFUGEES_OVER_TIME

READERS = ("housing", "caseworker", "benefits")


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.demo import housing

    housing.load(municipalities["soest-demo"])


module = KimModule(
    label="housing",
    permissions=[
        Perm("housing.facilities:read", _("See facilities, units, places and occupancy"),
             READERS),
        Perm("housing.facilities:write",
             _("Record facilities, units and places; block places; state facility counts"),
             ("housing",)),
        Perm("housing.stays:read", _("See who lives where, three-phase hints and Fehlbeleger"),
             READERS),
        Perm("housing.stays:write", _("Record move-ins, moves and move-outs"), ("housing",)),
        Perm("housing.incidents:read", _("See the incident log of facilities"),
             ("housing", "caseworker")),
        Perm("housing.incidents:write", _("Record incidents in facilities"),
             ("housing", "caseworker")),
        Perm("housing.waiting:read",
             _("See the private-housing waiting list, placement suggestions and placements "
               "into flats"), READERS),
        Perm("housing.waiting:write",
             _("Keep the waiting list and its priority order; record placements into flats"),
             ("housing",)),
        Perm("reports.housing_aggregates:read",
             _("See reports on accommodation and stays as privacy-safe aggregates"),
             ("coordinator", "steering")),
    ],
    navigation=[NavItem("housing", _("Accommodation"), "housing:facility_list",
                        "housing.facilities:read", 30, "housing:")],
    cards=[Card("housing_free_places", "housing/cards/free_places.html",
                "housing.stays:write", free_places, order=25)],
    reports=[HOUSING_PLACEMENT, OCCUPANCY, REFUGEES_OVER_TIME],
    deadline_sources=[DeadlineSource("housing", DEADLINE_KINDS, deadlines)],
    timeline_sources=[TimelineSource("housing.moves", "housing.stays:read", move_events)],
    settings=[
        PolicySetting(policy.PHASE1_MONTHS, _("Longest regular stay in Phase I (months)"),
                      "int", 6, "housing.facilities:write", minimum=1, maximum=36,
                      basis="[Soest] 5.5.1.1",
                      help=_("A longer stay needs a recorded reason.")),
        PolicySetting(policy.PHASE3_MONTHS,
                      _("Offer of an own flat (Phase III) due after (months)"),
                      "int", 24, "housing.facilities:write", minimum=1, maximum=120,
                      basis="[Soest] 5.5.1.1"),
        PolicySetting(policy.ELDERLY_AGE, _("Age from which a person counts as elderly"),
                      "int", 65, "housing.facilities:write", minimum=50, maximum=90,
                      basis="[Soest] 5.5.1.1",
                      help=_("Elderly persons who cannot cope with shared housing skip "
                             "Phase I.")),
    ],
    demo_loaders=[DemoLoader("housing", 50, _demo)],
    audit=AuditRules(restricted={"housing.incident": "housing.incidents:read"},
                     personal={"housing.stay": "housing.stays:read",
                               "housing.waitinglistentry": "housing.waiting:read",
                               "housing.placement": "housing.waiting:read"}),
    urls="kim.housing.urls",
    url_prefix="housing/",
    public_modules=["kim.housing.models", "kim.housing.domain.occupancy",
                    "kim.housing.domain.stays", "kim.housing.placement.rules"],
)
