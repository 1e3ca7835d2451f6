"""The case timeline: every module's events for a person, newest first.

Case work contributes appointments and notes; other modules declare their own
``TimelineSource`` (status changes and households from people, moves from housing …) and
the reader sees the events of the sources whose permission they hold.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kim.casework.models import Appointment, CaseNote
from kim.core.models import Municipality
from kim.core.modules import TimelineEvent
from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm
from kim.people.models import HouseholdMember, Person


def appointments_of(person: Person) -> list[Appointment]:
    """The person's own appointments and those of every household they belonged to."""
    households = HouseholdMember.objects.filter(person=person).values("household_id")
    return list(Appointment.objects.filter(Q(person=person) | Q(household_id__in=households))
                .select_related("household", "person", "created_by"))


def appointment_events(person: Person, municipality: Municipality) -> list[TimelineEvent]:
    return [TimelineEvent(a.starts_at, "appointment", a.get_kind_display(),
                          a.get_status_display(), obj=a) for a in appointments_of(person)]


def note_events(person: Person, municipality: Municipality) -> list[TimelineEvent]:
    notes: list[CaseNote] = list(person.case_notes.select_related("created_by"))
    return [TimelineEvent(n.created_at, "note", _("Case note recorded"), str(n.created_by or ""))
            for n in notes]


def timeline(person: Person, user: Any, municipality: Municipality) -> list[TimelineEvent]:
    """Merged events of every source the user may see, newest first."""
    events: list[TimelineEvent] = []
    for source in modules.timeline_sources():
        if has_perm(user, source.permission, municipality):
            events += source.events(person, municipality)
    return sorted(events, key=lambda e: (e.when, e.kind == "appointment"), reverse=True)
