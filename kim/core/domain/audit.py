"""Queries over the audit log for the viewer, its export and the start-page card.

What a reader sees of an entry follows kim/core/audit/privacy.py: the details (object,
changes) of entries about the people kim serves only with the permission the owning
module declared; everybody else sees who did what to which kind of object, and when.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kim.core.audit.privacy import hidden_models
from kim.core.models import AuditEntry, Municipality


def entries(municipality: Municipality, *, action: str = "", model: str = "", actor: str = "",
            date_from: datetime.date | None = None,
            date_to: datetime.date | None = None) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.filter(municipality=municipality)
    if action:
        qs = qs.filter(action=action)
    if model:
        qs = qs.filter(model=model)
    if actor:
        qs = qs.filter(actor_name__iexact=actor)
    if date_from:
        qs = qs.filter(timestamp__date__gte=date_from)
    if date_to:
        qs = qs.filter(timestamp__date__lte=date_to)
    return qs.order_by("-timestamp", "-id")


@lru_cache(maxsize=256)
def _model_name(label: str) -> Any:
    try:
        return apps.get_model(label)._meta.verbose_name
    except (LookupError, ValueError):
        return label


@dataclass(frozen=True)
class ShownEntry:
    """An entry as one reader may see it: ``details`` False hides object and changes."""

    entry: AuditEntry
    details: bool

    @property
    def kind(self) -> Any:
        """The kind of object, in the reader's language ("Vulnerability")."""
        return _model_name(self.entry.model) if self.entry.model else ""

    @property
    def change_rows(self) -> list[dict[str, object]]:
        return self.entry.change_rows() if self.details else []


class Presenter:
    """Decides, once per reader, which entries show their details."""

    def __init__(self, user: Any, municipality: Municipality) -> None:
        self.hidden = hidden_models(user, municipality)

    def shows_details(self, entry: AuditEntry) -> bool:
        return entry.model not in self.hidden

    def present(self, items: Iterable[AuditEntry]) -> list[ShownEntry]:
        return [ShownEntry(e, self.shows_details(e)) for e in items]


EXPORT_HEADERS = ("position", "time", "user", "source", "action", "object_type", "object_id",
                  "object", "changes", "request_id")


def export_headers() -> list[str]:
    return [_("Position"), _("Time"), _("User"), _("Source"), _("Action"), _("Object type"),
            _("Object id"), _("Object"), _("Changes"), _("Request")]


def export_rows(qs: QuerySet[AuditEntry], presenter: Presenter) -> Iterator[list[Any]]:
    """The audit log as table rows (CSV/XLSX), details under the same rule as the viewer:
    a hidden entry keeps its kind of object and says that its details are restricted."""
    restricted = _("details restricted")
    for entry in qs.iterator(chunk_size=2000):
        details = presenter.shows_details(entry)
        yield [entry.seq, entry.timestamp.isoformat(timespec="seconds"), entry.actor_name,
               entry.source, entry.get_action_display(), str(_model_name(entry.model))
               if entry.model else "",
               entry.object_id if details else "",
               entry.object_repr if details else restricted,
               json.dumps(entry.changes, ensure_ascii=False, sort_keys=True) if details
               else "", entry.request_id]
