"""What the education module adds to kim: the course catalogue ("Kurs.net"), the
education card (BIK-S) with provider access object by object, and the gaps between who
is entitled to a course (the rules engine) and who is enrolled (product.md §2.5; §3 rows
"education record" and "courses catalogue")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from kim.core.modules import (
    AuditRules,
    DeadlineSource,
    DemoLoader,
    Figure,
    GapSource,
    JobKind,
    KimModule,
    NavItem,
    Perm,
    PersonalData,
    PersonalDataExport,
    PolicySetting,
    RetentionRule,
    lazy,
)
from kim.education import access
from kim.education.reports import REPORTS

CARD_RULE = {"predicate": access.card_allows, "scope": access.card_scope}
COURSE_RULE = {"predicate": access.course_allows, "scope": access.course_scope}
GAPS = "kim.education.domain.gaps"


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.education.demo import data

    data.load(municipalities["soest-demo"])


module = KimModule(
    label="education",
    permissions=[
        Perm("education.courses:read", _("See the course catalogue with its participants' "
                                         "numbers"),
             ("caseworker", "benefits", "coordinator", "school_office", "provider",
              "volunteer_coordinator", "steering")),
        Perm("education.courses:write", _("Record and change courses (a provider: its own)"),
             ("coordinator", "provider"), **COURSE_RULE),
        Perm("education.courses:manage", _("Change every course of the municipality"),
             ("coordinator",)),
        Perm("education.records:read",
             _("See education cards (a provider: of the persons referred to its courses)"),
             ("caseworker", "school_office", "provider"), **CARD_RULE),
        Perm("education.records:write",
             _("Record assessments, referrals, attendance and certificates (a provider: for "
               "the persons referred to its courses)"),
             ("caseworker", "school_office", "provider"), **CARD_RULE),
        Perm("education.situations:write",
             _("Record childcare, schooling and the employment situation (the school office: "
               "of children and youths)"), ("caseworker", "school_office"), **CARD_RULE),
        Perm("education.records:all", _("Reach the education card of every person"),
             ("caseworker",)),
        Perm("education.records:children",
             _("Reach the education cards of children and youths"), ("school_office",)),
        Perm("education.gaps:read",
             _("See the worklist of persons entitled to a course and not enrolled"),
             ("caseworker", "coordinator")),
        Perm("education.measures:read", _("See work measures with their places and occupancy"),
             ("caseworker", "coordinator")),
        Perm("education.measures:write", _("Record and change work measures"),
             ("coordinator",)),
        Perm("education.placements:write", _("Place persons in work measures"),
             ("caseworker",)),
        Perm("education.course_import:write",
             _("Import courses from a file (a provider: its own)"),
             ("coordinator", "provider")),
        Perm("education.import:write",
             _("Import referrals and enrolments from a file"), ("coordinator",)),
        Perm("reports.education_aggregates:read",
             _("See reports on courses, Kita, school and work as privacy-safe aggregates"),
             ("coordinator", "steering")),
    ],
    navigation=[
        NavItem("courses", _("Courses"), "education:course_list", "education.courses:read",
                40, ("education:course", "education:card", "education:referral")),
        NavItem("measures", _("Work measures"), "education:measure_list",
                "education.measures:read", 44, "education:measure", parent="courses"),
        NavItem("childcare_gaps", _("Kita worklist"), "education:gap_childcare",
                "education.situations:write", 46, "education:gap_childcare",
                parent="courses"),
        NavItem("school_gaps", _("School worklist"), "education:gap_school",
                "education.situations:write", 47, "education:gap_school", parent="courses"),
        NavItem("education_import", _("Import courses"), "education:import",
                "education.course_import:write", 49, "education:import", parent="courses"),
        NavItem("course_gaps", _("Course worklist"), "education:gap_list",
                "education.gaps:read", 42, "education:gap", parent="courses"),
    ],
    reports=REPORTS,
    deadline_sources=[DeadlineSource("education", {
        "course_entitlement_ends": _("Course entitlement ends without enrolment")},
        lazy(f"{GAPS}.deadlines"))],
    gap_sources=[GapSource("education", "education.records:read", lazy(f"{GAPS}.flags")),
                 GapSource("education_childcare", "education.records:read",
                           lazy("kim.education.domain.waiting.flags"))],
    demo_loaders=[DemoLoader("education", 60, _demo)],
    jobs=[JobKind("education.course_import", _("Course import"),
                  "education.course_import:write", lazy("kim.education.jobs.run_import"),
                  "education/jobs/import_result.html", back_url_name="education:import"),
          JobKind("education.import", _("Import of referrals and enrolments"),
                  "education.import:write", lazy("kim.education.jobs.run_import"),
                  "education/jobs/import_result.html", back_url_name="education:import")],
    figures=[
        Figure("education_enrolled", _("Persons enrolled in a course"),
               "education.records:all", "reports.education_aggregates:read",
               lazy("kim.education.figures.enrolled")),
        Figure("education_courses_running", _("Courses running"), "education.courses:read",
               "reports.education_aggregates:read", lazy("kim.education.figures.running"),
               count=False),
    ],
    settings=[PolicySetting(
        "education.retention.records_years",
        _("Delete education records (courses, assessments, childcare, school, work) this "
          "many years after the case closed"), "int", 10, "core.retention:write", minimum=0,
        maximum=30, basis="§ 45 Abs. 3 S. 3 SGB X",
        help=_("Counted from the day the case closed, like case notes."))],
    personal_data=PersonalData(
        retention=[RetentionRule("education.records", _("Education records"),
                                 "education.retention.records_years", "delete",
                                 lazy("kim.education.domain.personal_data.erase_records"),
                                 order=30)],
        export=[PersonalDataExport("education", _("Language, education and work"),
                                   lazy("kim.education.domain.personal_data.collect"),
                                   order=40)]),
    audit=AuditRules(personal={
        "education.referral": "education.records:read",
        "education.attendance": "education.records:read",
        "education.assessment": "education.records:read",
        "education.certificate": "education.records:read",
        "education.obligation": "education.records:read",
        "education.childcarerecord": "education.records:read",
        "education.schoolrecord": "education.records:read",
        "education.employmentrecord": "education.records:read",
        "education.measureplacement": "education.records:read",
    }),
    urls="kim.education.urls",
    url_prefix="education/",
    api="kim.education.api",
    public_urls="kim.education.public_urls",
    public_prefix="courses/",
    public_links=[NavItem("course_catalogue", _("Language courses and measures"),
                          "education_public:catalogue", None)],
    public_modules=["kim.education.models",
                    "kim.education.figures"],  # the monitoring counts by district
)
