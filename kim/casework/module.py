"""What the case-work module adds to kim: caseloads, appointments and the timeline, case
notes and documents, the individual integration plan and gap flags (product.md §2.2).

Case notes and documents use ``people.restricted:read``/``:write`` of the people module:
they are the same class of restricted data as vulnerabilities.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.modules import (
    AuditRules,
    Card,
    DemoLoader,
    GapSource,
    KimModule,
    NavItem,
    Perm,
    PersonalData,
    PersonalDataExport,
    PersonColumn,
    PolicySetting,
    ResponsibilitySource,
    RetentionRule,
    TimelineSource,
    lazy,
)


def _my_caseload(request: Any) -> dict[str, Any]:
    from kim.casework.domain.caseload import card_counts

    return card_counts(request.user, timezone.now())


def _caseworkers(municipality: Any, person_ids: Any) -> Any:
    from kim.casework.domain.caseload import caseworker_names

    return caseworker_names(municipality, person_ids)


def _responsible_users(municipality: Any) -> list[tuple[int, str]]:
    from kim.casework.domain.caseload import assignable_users

    return [(u.pk, u.get_full_name() or u.username) for u in assignable_users(municipality)]


def _persons_of(municipality: Any, user_id: int) -> Any:
    from kim.casework.domain.caseload import person_ids_of

    return person_ids_of(municipality, user_id)


def _appointments(person: Any, municipality: Any) -> Any:
    from kim.casework.domain.timeline import appointment_events

    return appointment_events(person, municipality)


def _notes(person: Any, municipality: Any) -> Any:
    from kim.casework.domain.timeline import note_events

    return note_events(person, municipality)


def _gaps(person: Any, context: Any) -> Any:
    from kim.casework.domain.gaps import casework_flags

    return casework_flags(person, context)


def _retention(name: str) -> Any:
    return lazy(f"kim.casework.domain.retention.{name}")


# Case notes, appointments and the integration plan are the case file: kept as long as a
# benefit decision can be reviewed (§ 45 Abs. 3 S. 3 SGB X: ten years), like the person's
# identity. Document copies are shorter-lived: the originals are with the person and the
# authorities; three years is the regular limitation period (§ 195 BGB).
_FILE_HELP = _("Counted from the day the case closed (the person moved away and no module "
               "still works with them). Default: 10 years, as long as a benefit decision can "
               "be reviewed.")
RETENTION_SETTINGS = [
    PolicySetting("casework.retention.notes_years",
                  _("Delete case notes this many years after the case closed"), "int", 10,
                  "core.retention:write", minimum=0, maximum=30,
                  basis="§ 45 Abs. 3 S. 3 SGB X", help=_FILE_HELP),
    PolicySetting("casework.retention.appointments_years",
                  _("Delete appointments this many years after the case closed"), "int", 10,
                  "core.retention:write", minimum=0, maximum=30,
                  basis="§ 45 Abs. 3 S. 3 SGB X", help=_FILE_HELP),
    PolicySetting("casework.retention.integration_plan_years",
                  _("Delete individual integration plans this many years after the case "
                    "closed"), "int", 10, "core.retention:write", minimum=0, maximum=30,
                  basis="§ 45 Abs. 3 S. 3 SGB X", help=_FILE_HELP),
    PolicySetting("casework.retention.documents_years",
                  _("Delete uploaded documents this many years after the case closed"),
                  "int", 3, "core.retention:write", minimum=0, maximum=30,
                  basis="§ 195 BGB",
                  help=_("Copies of notices, permits, certificates and health papers: the "
                         "originals are with the person and the authorities. Default: three "
                         "years, the regular limitation period for claims.")),
]


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.casework import demo as casework

    casework.load(municipalities["soest-demo"], "fallarbeit")


module = KimModule(
    label="casework",
    permissions=[
        Perm("casework.caseload:read", _("See caseloads and responsible caseworkers"),
             ("caseworker",)),
        Perm("casework.caseload:write", _("Assign responsible caseworkers to households"),
             ("caseworker",)),
        # product.md also lists housing (moves only) and school office (children only):
        # they see their own modules' events, not the case timeline.
        Perm("casework.appointments:read", _("See appointments and the case timeline"),
             ("caseworker", "benefits")),
        Perm("casework.appointments:write", _("Record and change appointments"),
             ("caseworker",)),
        Perm("casework.integration_plan:read",
             _("See individual integration plans and gap flags"), ("caseworker",)),
        Perm("casework.integration_plan:write",
             _("Record and change individual integration plans"), ("caseworker",)),
    ],
    navigation=[NavItem("casework", _("Case work"), "casework:caseload",
                        "casework.caseload:read", 15, "casework:")],
    cards=[Card("my_caseload", "casework/cards/my_caseload.html", "casework.caseload:read",
                _my_caseload, order=20)],
    timeline_sources=[
        TimelineSource("casework.appointments", "casework.appointments:read", _appointments),
        TimelineSource("casework.notes", "people.restricted:read", _notes),
    ],
    gap_sources=[GapSource("casework", "casework.integration_plan:read", _gaps)],
    person_columns=[PersonColumn("caseworker", _("Caseworker"), "casework.caseload:read",
                                 _caseworkers, order=30)],
    responsibility=ResponsibilitySource("casework.caseload:read", _responsible_users,
                                        _persons_of),
    demo_loaders=[DemoLoader("casework", 30, _demo)],
    settings=RETENTION_SETTINGS,
    personal_data=PersonalData(
        retention=[
            RetentionRule("casework.documents", _("Uploaded documents"),
                          "casework.retention.documents_years", "delete",
                          _retention("erase_documents"), order=20),
            RetentionRule("casework.notes", _("Case notes"), "casework.retention.notes_years",
                          "delete", _retention("erase_notes"), order=30),
            RetentionRule("casework.appointments", _("Appointments"),
                          "casework.retention.appointments_years", "delete",
                          _retention("erase_appointments"), order=30),
            RetentionRule("casework.integration_plan", _("Individual integration plans"),
                          "casework.retention.integration_plan_years", "delete",
                          _retention("erase_integration_plans"), order=30),
        ],
        export=[PersonalDataExport("casework", _("Case work"),
                                   lazy("kim.casework.domain.access_export.collect"),
                                   order=30)],
        open_cases=_retention("open_cases")),
    audit=AuditRules(restricted={"casework.casenote": "people.restricted:read",
                                 "casework.document": "people.restricted:read"},
                     personal={"casework.appointment": "casework.appointments:read",
                               "casework.caseassignment": "casework.caseload:read",
                               "casework.integrationgoal": "casework.integration_plan:read",
                               "casework.integrationstep": "casework.integration_plan:read"}),
    urls="kim.casework.urls",
    url_prefix="casework/",
    public_modules=["kim.casework.models", "kim.casework.domain.caseload"],
)
