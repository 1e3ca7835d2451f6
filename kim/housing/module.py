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
    Figure,
    KimModule,
    NavItem,
    Perm,
    PersonalData,
    PersonalDataExport,
    PersonColumn,
    PolicySetting,
    RetentionRule,
    TimelineSource,
    lazy,
)
from kim.housing.cards import free_places
from kim.housing.domain import policy
from kim.housing.domain.sources import (
    DEADLINE_KINDS,
    accommodation_names,
    deadlines,
    move_events,
)
from kim.housing.reports import (
    FEHLBELEGER_TREND,
    HOUSING_PLACEMENT,
    OCCUPANCY,
    OCCUPANCY_TREND,
    REFUGEES_OVER_TIME,
)

READERS = ("housing", "caseworker", "benefits")


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.housing.demo import data as housing

    housing.load(municipalities["soest-demo"])


RETENTION = "kim.housing.domain.retention"


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
                "housing.stays:write", free_places, order=25),
           Card("housing_hints", "housing/cards/hints.html", "housing.stays:read",
                lazy("kim.housing.cards.hint_counts"), order=26),
           Card("housing_occupancy", "housing/cards/occupancy.html",
                "reports.housing_aggregates:read",
                lazy("kim.housing.cards.occupancy_overview"), order=40)],
    reports=[HOUSING_PLACEMENT, OCCUPANCY, OCCUPANCY_TREND, REFUGEES_OVER_TIME,
             FEHLBELEGER_TREND],
    deadline_sources=[DeadlineSource("housing", DEADLINE_KINDS, deadlines)],
    timeline_sources=[TimelineSource("housing.moves", "housing.stays:read", move_events)],
    person_columns=[PersonColumn("accommodation", _("Accommodation"), "housing.stays:read",
                                 accommodation_names, order=20)],
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
        PolicySetting("housing.retention.notes_years",
                      _("Empty the notes on a person's stays this many years after the case "
                        "closed"), "int", 10, "core.retention:write", minimum=0, maximum=30,
                      basis="§ 45 Abs. 3 S. 3 SGB X",
                      help=_("Stays and placements stay: the occupancy and housing reports "
                             "count them. Default: 10 years, like the case file.")),
        PolicySetting("housing.retention.incidents_years",
                      _("Delete incident reports this many years after the incident"),
                      "int", 3, "core.retention:write", minimum=1, maximum=30,
                      basis="§ 195 BGB",
                      help=_("Security reports, conflicts and emergencies name residents and "
                             "staff. Default: three years, the regular limitation period for "
                             "claims; criminal matters are documented by the police.")),
    ],
    demo_loaders=[DemoLoader("housing", 50, _demo)],
    figures=[
        Figure("housing_occupied", _("Persons in municipal accommodation"),
               "housing.facilities:read", "reports.housing_aggregates:read",
               lazy("kim.housing.figures.occupied")),
        Figure("housing_free", _("Free places in municipal accommodation"),
               "housing.facilities:read", "reports.housing_aggregates:read",
               lazy("kim.housing.figures.free")),
    ],
    personal_data=PersonalData(
        retention=[
            RetentionRule("housing.notes", _("Notes on stays, waiting-list entries and "
                                             "placements (emptied)"),
                          "housing.retention.notes_years", "anonymise",
                          lazy(f"{RETENTION}.clear_notes"), order=40),
            RetentionRule("housing.incidents", _("Incident reports of the facilities"),
                          "housing.retention.incidents_years", "delete",
                          lazy(f"{RETENTION}.erase_incidents"), per_person=False, order=50),
        ],
        export=[PersonalDataExport("housing", _("Accommodation"),
                                   lazy("kim.housing.domain.access_export.collect"),
                                   order=20)],
        open_cases=lazy(f"{RETENTION}.open_cases")),
    audit=AuditRules(restricted={"housing.incident": "housing.incidents:read"},
                     personal={"housing.stay": "housing.stays:read",
                               "housing.waitinglistentry": "housing.waiting:read",
                               "housing.placement": "housing.waiting:read"}),
    urls="kim.housing.urls",
    url_prefix="housing/",
    api="kim.housing.api",
    public_modules=["kim.housing.models", "kim.housing.domain.occupancy",
                    "kim.housing.domain.stays", "kim.housing.placement.rules"],
)
