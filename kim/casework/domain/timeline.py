"""The case timeline: appointments and system events, newest first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kim.casework.models import Appointment, CaseNote
from kim.people.models import HouseholdMember, LegalStatus, Person


@dataclass(frozen=True)
class Event:
    when: datetime.datetime
    kind: str  # "appointment", "status", "household_join", "household_leave", "note"
    label: Promise | str
    detail: str = ""
    appointment: Appointment | None = None
    is_date_only: bool = False


def _at(day: datetime.date) -> datetime.datetime:
    """Date-only events sort at the start of their day (local time)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def appointments_of(person: Person, memberships: list[HouseholdMember]) -> list[Appointment]:
    """The person's own appointments and those of every household they belonged to."""
    households = {m.household_id for m in memberships}
    return list(Appointment.objects.filter(Q(person=person) | Q(household_id__in=households))
                .select_related("household", "person", "created_by"))


def timeline(person: Person, *, statuses: list[LegalStatus], memberships: list[HouseholdMember],
             notes: list[CaseNote] | None) -> list[Event]:
    """Merged events; note events only when ``notes`` is given (restricted readers)."""
    events: list[Event] = []
    for a in appointments_of(person, memberships):
        events.append(Event(a.starts_at, "appointment", a.get_kind_display(),
                            a.get_status_display(), a))
    for s in statuses:
        events.append(Event(_at(s.valid_from), "status", _("Legal status changed"),
                            s.get_code_display(), is_date_only=True))
    for m in memberships:
        events.append(Event(_at(m.valid_from), "household_join", _("Joined a household"),
                            str(m.household), is_date_only=True))
        if m.valid_to:
            events.append(Event(_at(m.valid_to), "household_leave", _("Left a household"),
                                str(m.household), is_date_only=True))
    for n in notes or []:
        events.append(Event(n.created_at, "note", _("Case note recorded"),
                            str(n.created_by or "")))
    return sorted(events, key=_sort_key, reverse=True)


def _sort_key(event: Event) -> tuple[Any, ...]:
    return (event.when, event.kind == "appointment")
