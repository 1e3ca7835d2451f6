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
    ResponsibilitySource,
    TimelineSource,
)


def _my_caseload(request: Any) -> dict[str, Any]:
    from kim.casework.domain.caseload import card_counts

    return card_counts(request.user, timezone.now())


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


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.demo import casework

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
    responsibility=ResponsibilitySource("casework.caseload:read", _responsible_users,
                                        _persons_of),
    demo_loaders=[DemoLoader("casework", 30, _demo)],
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
