"""Education's part of data protection: the Art. 15 access export (every education record
of the person, with course and provider names) and retention (the records of a closed
case are deleted after the municipality's period; counted like case work's, from the day
the case closed – kim/people/domain/retention.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.modules import ExportTable, RetentionScope
from kim.education.models import (
    Assessment,
    Attendance,
    Certificate,
    ChildcareRecord,
    EmploymentRecord,
    MeasurePlacement,
    Obligation,
    Referral,
    SchoolRecord,
)
from kim.people.domain.retention import closed_cases, count_or_delete
from kim.people.models import Person

# (model, table title, ordering); person and municipality are not repeated in a row
RECORDS: list[tuple[type[models.Model], Any, str]] = [
    (Referral, _("Course referrals and enrolments"), "referred_on"),
    (Assessment, _("Language assessments"), "assessed_on"),
    (Certificate, _("Certificates"), "issued_on"),
    (Obligation, _("Obligations to attend a course"), "issued_on"),
    (ChildcareRecord, _("Childcare"), "valid_from"),
    (SchoolRecord, _("School"), "valid_from"),
    (EmploymentRecord, _("Work and training"), "valid_from"),
    (MeasurePlacement, _("Measures"), "start"),
]
_SKIP = {"id", "municipality", "person"}


def _fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if f.name not in _SKIP]


def _value(obj: models.Model, field: models.Field[Any, Any]) -> Any:
    if field.choices:
        return getattr(obj, f"get_{field.name}_display")()
    value = getattr(obj, field.name)
    return str(value) if isinstance(value, models.Model) else value


def _table(model: type[models.Model], title: Any, rows: Sequence[models.Model]) -> ExportTable:
    fields = _fields(model)
    return ExportTable(model._meta.model_name or "", title,
                       [(f.name, f.verbose_name) for f in fields],
                       [{f.name: _value(obj, f) for f in fields} for obj in rows])


def collect(person: Person, municipality: Municipality) -> list[ExportTable]:
    tables = []
    for model, title, order in RECORDS:
        rows = list(model._default_manager.filter(person=person).order_by(order, "pk"))
        tables.append(_table(model, title, rows))
    attendance = list(Attendance.objects.filter(referral__person=person)
                      .select_related("referral__course").order_by("month", "pk"))
    tables.append(_table(Attendance, _("Course attendance per month"), attendance))
    return tables


def erase_records(scope: RetentionScope) -> int:
    """Every education record of persons whose case closed before the cutoff
    (attendance goes with its referral)."""
    due = closed_cases(scope.municipality, scope.cutoff).values("pk")
    return sum(count_or_delete(model._default_manager.filter(
        municipality=scope.municipality, person__in=due), scope.dry_run)
        for model, _title, _order in RECORDS)
