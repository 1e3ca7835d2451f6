"""What the people module adds to kim: persons, households, legal status, the deadline
worklist and the benefit report (product.md §2.1, §2.2 "Fristen", §7)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.modules import (
    AuditRules,
    Card,
    DeadlineSource,
    DemoLoader,
    JobKind,
    KimModule,
    NavItem,
    Perm,
    PersonalData,
    PersonalDataExport,
    PersonColumn,
    PolicySetting,
    RetentionRule,
    lazy,
)
from kim.core.modules.contract import TimelineSource
from kim.people.domain.deadlines import PEOPLE_SOURCE
from kim.people.reports import BENEFIT_RECIPIENTS


def _is_child(user: Any, obj: Any, municipality: Any) -> bool:
    from kim.people.domain.children import is_minor  # models are not ready at import time

    return is_minor(obj, timezone.localdate())


def _children(user: Any, municipality: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
    from kim.people.domain.children import minors

    return minors(queryset, timezone.localdate())


def _deadlines(municipality: Any, person_ids: Any, today: Any) -> Any:
    from kim.people.domain.deadlines import due_from_rules_and_documents

    return due_from_rules_and_documents(municipality, person_ids, today)


def _status_events(person: Any, municipality: Any) -> Any:
    from kim.people.domain.timeline import status_events

    return status_events(person)


def _household_events(person: Any, municipality: Any) -> Any:
    from kim.people.domain.timeline import household_events

    return household_events(person)


def _households(municipality: Any, person_ids: Any) -> Any:
    from kim.people.domain.search import household_names

    return household_names(municipality, person_ids)


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.people.demo import data as people

    people.load(municipalities["soest-demo"])


IDENTITY_YEARS = "people.retention.identity_years"
VULNERABILITY_YEARS = "people.retention.vulnerabilities_years"


def _deadline_kinds() -> dict[str, Any]:
    from kim.people.decision_labels import FIELD_LABELS
    from kim.rules.codes import UPCOMING_FIELDS

    return {**{f: FIELD_LABELS.get(f, f) for f in UPCOMING_FIELDS},
            "permit_expiry": _("Residence document expires"),
            "uma_turns_18": _("Unaccompanied minor turns 18")}


module = KimModule(
    label="people",
    permissions=[
        Perm("people.persons:read", _("See person master data"),
             ("caseworker", "benefits", "housing")),
        Perm("people.children:read", _("See the master data of children and youths"),
             ("school_office",), predicate=_is_child, scope=_children),
        Perm("people.persons:write", _("Record and change person master data"),
             ("caseworker", "benefits")),
        Perm("people.status:read", _("See legal status and the derived decisions"),
             ("caseworker", "benefits", "housing")),
        Perm("people.status:write", _("Record legal status"), ("caseworker", "benefits")),
        Perm("people.restricted:read",
             _("See vulnerabilities, case notes and documents (every read is logged)"),
             ("caseworker",)),
        Perm("people.restricted:write", _("Record vulnerabilities, case notes and documents"),
             ("caseworker",)),
        Perm("people.import:write", _("Import persons from a file"),
             ("caseworker", "benefits")),
        # Everything kim holds about a person, special categories included: granting it
        # needs a second admin's approval (kim/core/domain/grants.py).
        Perm("people.access_export:write",
             _("Issue a person's access export (Art. 15 GDPR) with all their data"),
             ("caseworker",), special=True),
        # Aggregate-only audiences of product.md §3 ("A"): steering alone for both areas.
        Perm("reports.person_aggregates:read",
             _("See reports on person master data (origin, age) as privacy-safe aggregates"),
             ("steering",)),
        Perm("reports.status_aggregates:read",
             _("See reports on legal status and the derived decisions (benefits, housing "
               "categories) as privacy-safe aggregates"), ("steering",)),
    ],
    navigation=[
        NavItem("persons", _("Persons"), "people:person_list", "people.persons:read", 10,
                ("people:person_", "people:household", "people:status_",
                 "people:vulnerability_")),
        NavItem("children", _("Children and youths"), "people:children_list",
                "people.children:read", 12, "people:child"),
        NavItem("deadlines", _("Deadlines"), "people:deadline_list", "people.status:read", 20,
                "people:deadline_"),
    ],
    cards=[Card("deadlines_soon", "people/cards/deadlines_soon.html", "people.status:read",
                lazy("kim.people.cards.deadlines_soon"), order=20),
           Card("children_overview", "people/cards/children.html", "people.children:read",
                lazy("kim.people.cards.children_overview"), order=30)],
    reports=[BENEFIT_RECIPIENTS],
    deadline_sources=[DeadlineSource(PEOPLE_SOURCE, _deadline_kinds(), _deadlines)],
    timeline_sources=[
        TimelineSource("people.status", "people.status:read", _status_events),
        TimelineSource("people.households", "people.persons:read", _household_events),
    ],
    person_columns=[PersonColumn("household", _("Household"), "people.persons:read",
                                 _households, order=10)],
    demo_loaders=[DemoLoader("people", 20, _demo)],
    jobs=[JobKind("people.import_persons", _("Person import"), "people.import:write",
                  lazy("kim.people.importers.jobs.run_import"),
                  "people/jobs/import_result.html", back_url_name="people:person_import")],
    settings=[
        PolicySetting(
            "people.local_good_prospect",
            _("Own list of countries with a good prospect to stay"), "countries", [],
            "people.status:write", basis="legal-rules.md §3.8",
            help=_("Country codes, e.g. SY, IQ, ER, ET, AF (Herne 2017). Empty: the federal "
                   "list applies. Used for the target group and the private-housing "
                   "category.")),
        PolicySetting(
            IDENTITY_YEARS, _("Anonymise a person this many years after the case closed"),
            "int", 10, "core.retention:write", minimum=1, maximum=30,
            basis="§ 45 Abs. 3 S. 3 SGB X",
            help=_("Names, contact data and numbers are removed; dates and statuses stay for "
                   "the statistics. A case is closed when the person moved away and no "
                   "module still works with them. Default: 10 years, as long as a benefit "
                   "decision can be reviewed – the case file is kept that long.")),
        PolicySetting(
            VULNERABILITY_YEARS,
            _("Delete recorded vulnerabilities this many years after the case closed"),
            "int", 1, "core.retention:write", minimum=0, maximum=10,
            basis="Art. 9, Art. 5 Abs. 1 lit. e DSGVO",
            help=_("Health and other special-category data are needed only while the person "
                   "is cared for and housed. Default: one year, for the hand-over to the "
                   "next municipality and for complaints.")),
    ],
    personal_data=PersonalData(
        retention=[
            RetentionRule("people.vulnerabilities", _("Vulnerabilities"), VULNERABILITY_YEARS,
                          "delete", lazy("kim.people.domain.retention.erase_vulnerabilities"),
                          order=10),
            RetentionRule("people.identity",
                          _("Names, contact data and numbers of persons (anonymised)"),
                          IDENTITY_YEARS, "anonymise",
                          lazy("kim.people.domain.retention.anonymise_persons"), final=True,
                          order=900),
        ],
        export=[PersonalDataExport("people", _("Person, legal status and household"),
                                   lazy("kim.people.domain.access_export.collect"),
                                   order=10)]),
    audit=AuditRules(
        exempt={
            "people.deadline": "Derived from audited person data and recomputed; not edited "
                               "by anyone.",
            "people.personnametoken": "Search index derived from audited person names; "
                                      "rebuilt.",
            "people.decisionsegment": "Legal time line derived from audited person data by "
                                      "the rules engine and recomputed; not edited by anyone.",
            "people.timeline": "Version and horizon of a derived legal time line; "
                               "recomputed.",
        },
        restricted={"people.vulnerability": "people.restricted:read"},
        personal={"people.person": "people.persons:read",
                  "people.personname": "people.persons:read",
                  "people.personlanguage": "people.persons:read",
                  "people.household": "people.persons:read",
                  "people.householdmember": "people.persons:read",
                  "people.legalstatus": "people.status:read"},
    ),
    urls="kim.people.urls",
    url_prefix="persons/",
    api="kim.people.api",
    public_modules=[
        "kim.people.models", "kim.people.domain.persons", "kim.people.domain.facts",
        "kim.people.domain.deadlines", "kim.people.domain.children",
        "kim.people.domain.households", "kim.people.domain.benefits",
        "kim.people.domain.params", "kim.people.domain.timelines",
        "kim.people.decision_labels", "kim.people.status_labels",
        "kim.people.demo.names",  # fictitious names for every module's demo data
        "kim.people.domain.retention",
    ],
)
