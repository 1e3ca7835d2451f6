"""Retention of the accommodation module's data. Stays, placements and waiting-list
entries are what the occupancy and Tab. 7 reports count: they stay; their free-text notes
go with the person's identity. Incident reports are deleted by their own date."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from kim.core.models import Municipality
from kim.core.modules import RetentionScope
from kim.housing.models import Incident, Placement, Stay, WaitingListEntry
from kim.people.domain.retention import (
    closed_cases,
    count_or_delete,
    households_of_closed_cases,
)


def clear_notes(scope: RetentionScope) -> int:
    """Empty the notes of the stays of persons whose case closed, and of the waiting-list
    entries and placements of households all of whose members' cases closed."""
    due = closed_cases(scope.municipality, scope.cutoff).values("pk")
    households = households_of_closed_cases(scope.municipality, scope.cutoff).values("pk")
    groups = [
        (Stay.objects.filter(municipality=scope.municipality, person__in=due)
         .exclude(note="", phase1_exception_reason=""), ("note", "phase1_exception_reason")),
        (WaitingListEntry.objects.filter(municipality=scope.municipality,
                                         household__in=households).exclude(note=""), ("note",)),
        (Placement.objects.filter(municipality=scope.municipality,
                                  household__in=households).exclude(note=""), ("note",)),
    ]
    count = 0
    for qs, fields in groups:
        if scope.dry_run:
            count += qs.count()
            continue
        for record in qs.iterator(chunk_size=500):
            for name in fields:
                setattr(record, name, "")
            record.save()  # audited: that the note went, not what it said
            count += 1
    return count


def erase_incidents(scope: RetentionScope) -> int:
    return count_or_delete(Incident.objects.filter(municipality=scope.municipality,
                                                   occurred_at__date__lte=scope.cutoff),
                           scope.dry_run)


def open_cases(municipality: Municipality) -> QuerySet[Any]:
    """Persons who live in a municipal place (a stay not yet ended)."""
    return (Stay.objects.filter(municipality=municipality)
            .filter(Q(end=None) | Q(end__gt=timezone.localdate())).values("person_id"))
