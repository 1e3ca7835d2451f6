"""The people module's events on a person's timeline: status changes and household
membership (case work shows them next to appointments; see KimModule.timeline_sources)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.modules import TimelineEvent
from kim.people.models import HouseholdMember, Person


def status_events(person: Person) -> list[TimelineEvent]:
    return [TimelineEvent.on_day(s.valid_from, "status", _("Legal status changed"),
                                 s.get_code_display())
            for s in person.statuses.all()]


def household_events(person: Person) -> list[TimelineEvent]:
    events = []
    for m in HouseholdMember.objects.filter(person=person).select_related("household"):
        events.append(TimelineEvent.on_day(m.valid_from, "household_join",
                                           _("Joined a household"), str(m.household)))
        if m.valid_to:
            events.append(TimelineEvent.on_day(m.valid_to, "household_leave",
                                               _("Left a household"), str(m.household)))
    return events
