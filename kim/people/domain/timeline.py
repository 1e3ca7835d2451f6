"""The people module's events on a person's timeline: status changes and household
membership (case work shows them next to appointments; see KimModule.timeline_sources)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.modules import TimelineEvent
from kim.people.models import HouseholdMember, Person


def at_start_of(day: datetime.date) -> datetime.datetime:
    """Date-only events sort at the start of their day (local time)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def status_events(person: Person) -> list[TimelineEvent]:
    return [TimelineEvent(at_start_of(s.valid_from), "status", _("Legal status changed"),
                          s.get_code_display(), is_date_only=True)
            for s in person.statuses.all()]


def household_events(person: Person) -> list[TimelineEvent]:
    events = []
    for m in HouseholdMember.objects.filter(person=person).select_related("household"):
        events.append(TimelineEvent(at_start_of(m.valid_from), "household_join",
                                    _("Joined a household"), str(m.household),
                                    is_date_only=True))
        if m.valid_to:
            events.append(TimelineEvent(at_start_of(m.valid_to), "household_leave",
                                        _("Left a household"), str(m.household),
                                        is_date_only=True))
    return events
