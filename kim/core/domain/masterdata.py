"""Shared master data of a municipality: the default fields of action, and lookups."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_scopes import scope

from kim.core.models import Area, FieldOfAction, Municipality, Organisation

# The default fields of action of a new municipality: the fields of an individual
# integration plan ([Herne] 2.2, [Soest] 1.2) – a municipality renames, reorders, adds or
# deactivates them (e.g. [Soest]'s six "Bausteine" for its action plan).
DEFAULT_FIELDS = [
    ("language", _("Language")),
    ("kita_school", _("Kita and school")),
    ("vocational_college", _("Vocational college")),
    ("work_qualification", _("Work and qualification")),
    ("housing", _("Housing")),
    ("leisure_participation", _("Leisure, religion and participation")),
    ("health", _("Health")),
]


def ensure_default_fields(municipality: Municipality) -> dict[str, FieldOfAction]:
    """Create the missing default fields of action (German names); return all by code."""
    from django.utils import translation

    with scope(municipality=municipality), translation.override("de"):
        existing = {f.code: f for f in FieldOfAction.objects.filter(municipality=municipality)}
        for order, (code, name) in enumerate(DEFAULT_FIELDS):
            if code not in existing:
                existing[code] = FieldOfAction.objects.create(
                    municipality=municipality, code=code, name=str(name), order=10 * order)
    return existing


def fields_of_action(municipality: Municipality, *, active_only: bool = True
                     ) -> QuerySet[FieldOfAction]:
    qs = FieldOfAction.objects.filter(municipality=municipality)
    return qs.filter(active=True) if active_only else qs


def areas(municipality: Municipality) -> QuerySet[Area]:
    return Area.objects.filter(municipality=municipality).select_related("parent")


def organisations(municipality: Municipality, kind: str = "") -> QuerySet[Organisation]:
    qs = Organisation.objects.filter(municipality=municipality).select_related("area")
    if kind:
        # JSON list membership, portable across SQLite and PostgreSQL
        qs = qs.filter(kinds__icontains=f'"{kind}"')
    return qs
