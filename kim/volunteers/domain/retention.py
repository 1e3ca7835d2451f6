"""Retention: volunteers who left are anonymised when the municipality's period after
their leaving is over (``kim retention run``). Working groups, roles, districts and their
assignments stay, so the reports of past dates keep their figures."""

from __future__ import annotations

from kim.core.modules import RetentionScope
from kim.volunteers.models import Volunteer


def anonymise_left(scope: RetentionScope) -> int:
    due = Volunteer.objects.filter(municipality=scope.municipality, anonymised=False,
                                   left_on__lte=scope.cutoff)
    if scope.dry_run:
        return due.count()
    count = 0
    for volunteer in due:
        volunteer.first_name = volunteer.family_name = ""
        volunteer.email = volunteer.phone = volunteer.note = volunteer.consent_scope = ""
        volunteer.languages = {}
        volunteer.anonymised = True
        volunteer.save()
        count += 1
    return count
