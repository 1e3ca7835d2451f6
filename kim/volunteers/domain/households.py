"""What the volunteers module holds about the people kim serves: requests made for their
household (the link and what the household agreed to share). Part of a person's Art. 15
access export; unlinked and emptied when every member's case has closed (retention)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.modules import ExportTable, RetentionScope
from kim.people.domain.retention import households_of_closed_cases
from kim.people.models import HouseholdMember, Person
from kim.volunteers.choices import slot_labels
from kim.volunteers.models import Request


def collect(person: Person, municipality: Municipality) -> list[ExportTable]:
    households = HouseholdMember.objects.filter(person=person).values("household_id")
    requests = (Request.objects.filter(household__in=households)
                .select_related("district").prefetch_related("matches")
                .order_by("created_on", "pk"))
    return [ExportTable("volunteer_requests", _("Requests for a volunteer"), [
        ("received_on", _("received on")), ("need", _("need")),
        ("language", _("language")), ("district", _("district")), ("times", _("times")),
        ("description", _("short anonymous description")),
        ("shared", _("shared with the volunteer")), ("status", _("status")),
        ("assignments", _("assignments"))],
        [{"received_on": r.created_on, "need": r.get_skill_display(), "language": r.language,
          "district": r.district.name if r.district else "",
          "times": ", ".join(slot_labels(r.slots)), "description": r.description,
          "shared": r.shared_with_volunteer, "status": r.get_status_display(),
          "assignments": ", ".join(str(m.get_state_display()) for m in r.matches.all())}
         for r in requests])]


def unlink_households(scope: RetentionScope) -> int:
    """Requests of households whose members' cases all closed lose the household link and
    what was shared with the volunteer; need, times and assignments stay for the reports."""
    due = Request.objects.filter(
        municipality=scope.municipality,
        household__in=households_of_closed_cases(scope.municipality, scope.cutoff)
        .values("pk"))
    if scope.dry_run:
        return due.count()
    count = 0
    for request in due.iterator(chunk_size=500):
        request.household = None
        request.shared_with_volunteer = ""
        request.save()
        count += 1
    return count
