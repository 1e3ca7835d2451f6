"""What the core module adds to kim: accounts and roles, the audit log, reports and the
start page (see kim.core.modules for the contract every app follows)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kim.core import demo
from kim.core.cards import admin_overview
from kim.core.domain import twofactor
from kim.core.modules import (
    AuditRules,
    Card,
    DemoLoader,
    JobKind,
    KimModule,
    NavItem,
    Perm,
    PolicySetting,
    lazy,
)
from kim.core.permissions.registry import DEFAULT_ROLES
from kim.core.reports.builtin import USERS_BY_ROLE
from kim.core.reports.service import any_report_visible
from kim.core.startpage import my_access


def _own_job(user: Any, job: Any, municipality: Any) -> bool:
    return bool(job.created_by_id == user.pk)


def _own_jobs(user: Any, municipality: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
    return queryset.filter(created_by=user)


module = KimModule(
    label="core",
    permissions=[
        Perm("core.users:read", _("See the users of the municipality"), ("admin",)),
        Perm("core.users:write", _("Create users and assign roles"), ("admin",)),
        Perm("core.roles:read", _("See roles and their permissions"), ("admin",)),
        Perm("core.roles:write", _("Create and change custom roles"), ("admin",)),
        Perm("core.audit:read", _("Read the audit log of the municipality"), ("admin",)),
        # For the data protection officer: no default role holds it; a custom role with
        # it needs a second admin's approval (it shows special-category details).
        Perm("core.audit:read_details",
             _("See the details of every audit entry, including special categories of "
               "personal data"), special=True),
        Perm("core.retention:read",
             _("See the retention periods of personal data and the deletion log"), ("admin",)),
        Perm("core.retention:write", _("Set the retention periods of personal data"),
             ("admin",)),
        # Background jobs hold results with person data: each user sees their own only.
        Perm("core.jobs:read", _("Follow one's own background jobs (imports, big reports)"),
             tuple(DEFAULT_ROLES), predicate=_own_job, scope=_own_jobs),
        Perm("core.masterdata:read",
             _("See areas, organisations and fields of action of the municipality"),
             ("admin", "coordinator")),
        Perm("core.masterdata:write",
             _("Record areas, organisations and fields of action"), ("admin", "coordinator")),
        # Aggregate-only audiences (product.md §3, the "A" entries) are one permission per
        # data area, declared by the module that owns the area (people: person master
        # data and legal status; housing: accommodation …). Monitoring's belongs here until
        # the monitoring module exists: A for caseworker, benefits, housing, school office
        # and steering; the coordinator, who writes monitoring, sees its aggregates too.
        # Reports shown to an aggregate audience are always disclosure-controlled.
        Perm("reports.monitoring_aggregates:read",
             _("See monitoring reports (indicators, quota, staff) as privacy-safe aggregates "
               "(small numbers hidden)"),
             ("steering", "coordinator", "caseworker", "benefits", "housing",
              "school_office")),
    ],
    navigation=[
        NavItem("start", _("Start"), "core:start", None, order=0),
        NavItem("reports", _("Reports"), "core:report_list", None, 500, "core:report_",
                visible=any_report_visible),
        NavItem("users", _("Users"), "core:user_list", "core.users:read", 900, "core:user_"),
        NavItem("roles", _("Roles"), "core:role_list", "core.roles:read", 910, "core:role_"),
        NavItem("audit", _("Audit log"), "core:audit_list", "core.audit:read", 920,
                "core:audit"),
        NavItem("retention", _("Retention"), "core:retention", "core.retention:read", 925,
                "core:retention"),
        NavItem("masterdata", _("Master data"), "core:areas", "core.masterdata:read", 930,
                ("core:areas", "core:organisations", "core:fields", "core:setting")),
    ],
    cards=[
        Card("admin_overview", "core/cards/admin_overview.html", "core.users:read",
             admin_overview, order=10),
        Card("my_access", "core/cards/my_access.html", None, my_access, order=1000),
    ],
    reports=[USERS_BY_ROLE],
    # Big report exports (kim/core/reports/jobs.py): anyone may follow their own jobs; the
    # report's own permission is checked when the job runs.
    jobs=[JobKind("core.report_export", _("Report export"), "core.jobs:read",
                  lazy("kim.core.reports.jobs.run_export"), "reports/job_result.html",
                  back_url_name="core:report_list")],
    settings=[
        PolicySetting(twofactor.POLICY_KEY, twofactor.POLICY_LABEL, "json",
                      twofactor.DEFAULT_REQUIRED, "core.roles:write",
                      help=twofactor.POLICY_HELP, choices=DEFAULT_ROLES,
                      basis="Art. 32 DSGVO (Sicherheit der Verarbeitung)"),
        PolicySetting("core.job_keep_days",
                      _("Delete finished background jobs and their files after this many "
                        "days"), "int", 7, "core.retention:write", minimum=1, maximum=90,
                      help=_("Results and report files of jobs can contain personal data."),
                      basis="Art. 5 Abs. 1 lit. e DSGVO (Speicherbegrenzung)"),
    ],
    demo_loaders=[DemoLoader("accounts", 0, demo.load)],
    audit=AuditRules(exempt={
        "core.auditentry": "Is the audit log itself; append-only.",
        "sessions.session": "Ephemeral login sessions; logins and logouts are audited as "
                            "events.",
        "contenttypes.contenttype": "Django's internal model registry, written by migrations "
                                    "only.",
        "auth.permission": "Django's model permissions are unused; kim's registry replaces "
                           "them.",
        "auth.group": "Django groups are not used; kim's roles replace them and are audited.",
        "core.loginthrottle": "Failed-login counters (keyed hashes); a delay that starts or "
                              "grows is audited as a login_failed event.",
        "core.recoverycode": "Hashes of second-factor recovery codes; creating and using "
                             "them is audited as an event of the account.",
        "core.job": "Bookkeeping of background jobs (state, progress, the input file until "
                    "the job ran); what a job writes is audited by the job itself (source "
                    "job:<id>, the user who started it).",
        "django_tasks_database.dbtaskresult": "The task queue's rows carry a job id only.",
        "core.formsubmission": "One-time form tokens against double submits; the record the "
                               "form created is audited.",
        "otp_totp.totpdevice": "The second factor's secret must never enter the log; setting "
                               "it up and resetting it are audited as events of the account "
                               "in every town.",
    }),
    urls="kim.core.urls",
    url_prefix="",
    public_urls="kim.core.public_urls",
    public_prefix="public/",
)
