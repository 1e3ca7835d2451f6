"""What the volunteers module adds to kim (issue 14): volunteers, requests, optimal
matching (the pure core ``matching/``), the assignments' life cycle, the offers directory
with its public page, and reports (product.md §2.7; §3 row "volunteers": volunteer
coordination W, coordinator R, steering A).

The volunteer coordination never sees person data: requests carry a need, a language, a
district and times; the household is known only to the caseworker who made the request
(``volunteers.own_requests:write``, an object rule on the author).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from kim.core.modules import (
    AuditRules,
    Card,
    DemoLoader,
    Figure,
    KimModule,
    NavItem,
    Perm,
    PersonalData,
    PersonalDataExport,
    PolicySetting,
    RetentionRule,
    lazy,
)
from kim.volunteers.domain import policy
from kim.volunteers.reports import REPORTS

WRITERS = ("volunteer_coordinator",)
READERS = ("volunteer_coordinator", "coordinator")


def _own(user: Any, obj: Any, municipality: Any) -> bool:
    return bool(user.is_authenticated and obj.created_by_id == user.pk)


def _own_scope(user: Any, municipality: Any, queryset: Any) -> Any:
    return queryset.filter(created_by_id=user.pk)


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.volunteers import demo

    demo.load(municipalities["soest-demo"])


module = KimModule(
    label="volunteers",
    permissions=[
        Perm("volunteers.pool:read",
             _("See volunteers, requests and assignments (no person data of households)"),
             READERS),
        Perm("volunteers.pool:write",
             _("Record volunteers and requests, propose and confirm assignments"), WRITERS),
        Perm("volunteers.own_requests:write",
             _("Ask the volunteer coordination for a volunteer for a household and follow "
               "one's own requests"), ("caseworker",), predicate=_own, scope=_own_scope),
        Perm("volunteers.offers:read", _("See the offers directory"),
             ("volunteer_coordinator", "coordinator", "caseworker", "benefits", "housing",
              "school_office")),
        Perm("volunteers.offers:write", _("Keep the offers directory"), WRITERS),
        Perm("reports.volunteer_aggregates:read",
             _("See reports on volunteers as privacy-safe aggregates"), ("steering",)),
    ],
    navigation=[
        NavItem("volunteers", _("Volunteers"), "volunteers:volunteer_list",
                "volunteers.pool:read", 60, ("volunteers:volunteer", "volunteers:request",
                                             "volunteers:match", "volunteers:propose",
                                             "volunteers:group")),
        NavItem("volunteer_requests", _("My volunteer requests"), "volunteers:own_list",
                "volunteers.own_requests:write", 61, "volunteers:own", parent="volunteers"),
        NavItem("offers", _("Offers"), "volunteers:offer_list", "volunteers.offers:read", 62,
                "volunteers:offer", parent="volunteers"),
    ],
    cards=[Card("volunteers_attention", "volunteers/cards/attention.html",
                "volunteers.pool:read", lazy("kim.volunteers.domain.attention.card"),
                order=30)],
    reports=REPORTS,
    settings=[
        PolicySetting(policy.CERTIFICATE_YEARS,
                      _("Certificate of good conduct valid for (years)"), "int", 5,
                      "volunteers.pool:write", minimum=1, maximum=10,
                      basis="§ 72a SGB VIII",
                      help=_("Work with children needs a valid extended certificate of good "
                             "conduct; agreements under § 72a SGB VIII usually ask for a new "
                             "one every five years.")),
        PolicySetting(policy.CERTIFICATE_REMINDER_DAYS,
                      _("Remind of expiring certificates this many days ahead"), "int", 60,
                      "volunteers.pool:write", minimum=1, maximum=365),
        PolicySetting(policy.REQUEST_WAIT_DAYS,
                      _("A request without a volunteer needs attention after (days)"), "int",
                      14, "volunteers.pool:write", minimum=1, maximum=365),
        PolicySetting(policy.RETENTION_YEARS,
                      _("Anonymise volunteers this many years after they left"), "int", 1,
                      "core.retention:write", minimum=0, maximum=10,
                      basis="Art. 5(1)(e), 17 DSGVO",
                      help=_("Name, contact data, languages and notes are removed; working "
                             "groups, roles and assignments stay for the reports.")),
        PolicySetting(policy.REQUEST_RETENTION_YEARS,
                      _("Unlink requests from the household this many years after the case "
                        "closed"), "int", 1, "core.retention:write", minimum=0, maximum=30,
                      basis="Art. 5(1)(e) DSGVO",
                      help=_("The household and what it shared with the volunteer are "
                             "removed; need, times and assignments stay for the reports.")),
    ],
    demo_loaders=[DemoLoader("volunteers", 70, _demo)],
    figures=[
        Figure("volunteers_active", _("Active volunteers"), "volunteers.pool:read",
               "reports.volunteer_aggregates:read",
               lazy("kim.volunteers.figures.active_volunteers")),
        Figure("volunteers_assignments", _("Active volunteer assignments"),
               "volunteers.pool:read", "reports.volunteer_aggregates:read",
               lazy("kim.volunteers.figures.active_assignments")),
        Figure("volunteers_open_requests", _("Requests waiting for a volunteer"),
               "volunteers.pool:read", "reports.volunteer_aggregates:read",
               lazy("kim.volunteers.figures.open_requests")),
    ],
    personal_data=PersonalData(
        retention=[
            RetentionRule("volunteers.left", _("Volunteers who left (anonymised)"),
                          policy.RETENTION_YEARS, "anonymise",
                          lazy("kim.volunteers.domain.retention.anonymise_left"),
                          per_person=False, order=60),
            RetentionRule("volunteers.requests",
                          _("Requests for a volunteer: the household and what it shared"),
                          policy.REQUEST_RETENTION_YEARS, "anonymise",
                          lazy("kim.volunteers.domain.households.unlink_households"),
                          order=61)],
        export=[PersonalDataExport("volunteers", _("Volunteers"),
                                   lazy("kim.volunteers.domain.households.collect"),
                                   order=60)]),
    audit=AuditRules(personal={"volunteers.request": "volunteers.own_requests:write"}),
    urls="kim.volunteers.urls",
    url_prefix="volunteers/",
    public_urls="kim.volunteers.public_urls",
    public_prefix="offers/",
    public_links=[NavItem("offers", _("Offers for newcomers"), "volunteers_public:offers",
                          None)],
    api="kim.volunteers.api",
    public_modules=["kim.volunteers.matching"],
)
