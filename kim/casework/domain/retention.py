"""Retention of case work's data: notes, documents (with their files), appointments and
the individual integration plan, counted from the day the person's case closed
(kim/people/domain/retention.py). A planned appointment keeps a case open."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from kim.casework.models import Appointment, CaseNote, Document, IntegrationGoal
from kim.core.models import Municipality
from kim.core.modules import RetentionScope
from kim.people.domain.retention import (
    closed_cases,
    count_or_delete,
    households_of_closed_cases,
)
from kim.people.models import HouseholdMember, Person


def _due(scope: RetentionScope) -> QuerySet[Any]:
    return closed_cases(scope.municipality, scope.cutoff).values("pk")


def erase_notes(scope: RetentionScope) -> int:
    return count_or_delete(CaseNote.objects.filter(municipality=scope.municipality,
                                                   person__in=_due(scope)), scope.dry_run)


def erase_documents(scope: RetentionScope) -> int:
    return count_or_delete(Document.objects.filter(municipality=scope.municipality,
                                                   person__in=_due(scope)), scope.dry_run)


def erase_appointments(scope: RetentionScope) -> int:
    households = households_of_closed_cases(scope.municipality, scope.cutoff).values("pk")
    return count_or_delete(Appointment.objects.filter(
        Q(person__in=_due(scope)) | Q(person=None, household__in=households),
        municipality=scope.municipality), scope.dry_run)


def erase_integration_plans(scope: RetentionScope) -> int:
    """Goals with their steps (deleted with them)."""
    return count_or_delete(IntegrationGoal.objects.filter(municipality=scope.municipality,
                                                          person__in=_due(scope)),
                           scope.dry_run)


def open_cases(municipality: Municipality) -> QuerySet[Any]:
    """Persons with a planned appointment still ahead (their own or their household's)."""
    ahead = Appointment.objects.filter(municipality=municipality,
                                       status=Appointment.Status.PLANNED,
                                       starts_at__gte=timezone.now())
    households = HouseholdMember.objects.filter(
        municipality=municipality, household__in=ahead.values("household_id"))
    return Person.objects.filter(
        Q(pk__in=ahead.values("person_id")) | Q(pk__in=households.values("person_id")),
        municipality=municipality).values("pk")
