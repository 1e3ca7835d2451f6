"""Queries over the audit log for the viewer, its export and the start-page card.

What a reader sees of an entry follows kim/core/audit/privacy.py: the details (object,
changes) of entries about the people kim serves only with the permission the owning
module declared; everybody else sees who did what to which kind of object, and when.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, QuerySet
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kim.core.audit.privacy import hidden_models
from kim.core.localize import short_date
from kim.core.models import AuditEntry, Membership, Municipality


def entries(municipality: Municipality, *, action: str = "", model: str = "", actor: str = "",
            date_from: datetime.date | None = None, date_to: datetime.date | None = None,
            person: int | None = None,
            hidden: frozenset[str] = frozenset()) -> QuerySet[AuditEntry]:
    """The municipality's entries, newest first, filtered. ``person``: entries about the
    person's own record and every record linked to them (only of the kinds of object
    whose details the reader may see – ``hidden`` – so the filter reveals nothing)."""
    qs = AuditEntry.objects.filter(municipality=municipality)
    if person:
        qs = qs.filter(about_person(person, hidden))
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


def about_person(person_id: int, hidden: frozenset[str]) -> Q:
    """Entries of the person record and of records with a ``person`` link to it (one id
    query per kind of record, so a constant number)."""
    found = Q(pk__in=[]) if "people.person" in hidden else Q(model="people.person",
                                                               object_id=str(person_id))
    for model in apps.get_models():
        label = model._meta.label_lower
        fields = {f.name for f in model._meta.concrete_fields}
        if label in hidden or "person" not in fields or label == "people.person":
            continue
        ids = [str(pk) for pk in model._base_manager.filter(person_id=person_id)
               .values_list("pk", flat=True)]
        if ids:
            found |= Q(model=label, object_id__in=ids)
    return found


def kinds_in_log(municipality: Municipality) -> list[tuple[str, str]]:
    """The kinds of object the log holds, as choices with their names (sorted by name)."""
    labels = (AuditEntry.objects.filter(municipality=municipality).exclude(model="")
              .order_by("model").values_list("model", flat=True).distinct())
    return sorted(((label, str(_model_name(label))) for label in labels),
                  key=lambda item: item[1].casefold())


def users_for_filter(municipality: Municipality) -> list[tuple[str, str]]:
    """The municipality's users as choices of the user filter: (user name, "Name (user
    name)"), sorted by name. Entries store the user name, so the filter matches it."""
    members = (Membership.objects.filter(municipality=municipality)
               .select_related("user").order_by("user__last_name", "user__first_name",
                                                "user__username"))
    choices = []
    for member in members:
        user = member.user
        name = user.get_full_name()
        choices.append((user.username, f"{name} ({user.username})" if name else user.username))
    return choices


@lru_cache(maxsize=256)
def _field_name(label: str, field: str) -> str:
    try:
        return str(apps.get_model(label)._meta.get_field(field).verbose_name)
    except (LookupError, ValueError, AttributeError, FieldDoesNotExist):
        return field  # a removed field keeps its key


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SOURCES = {"web": _lazy("web"), "cli": _lazy("command"), "demo": _lazy("demo data")}


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
        """Changes with the field's label ("Date of birth"), not its key."""
        if not self.details:
            return []
        return readable_rows(self.entry)

    @property
    def label(self) -> str:
        """The object as a reader may see it: its name, or kind and number ("Person
        no. 12") for records about people, whose names the log does not keep."""
        return object_label(self.entry) if self.details else ""

    @property
    def source(self) -> str:
        return source_label(self.entry.source)


def shown(value: object) -> object:
    """A logged value for people: yes/no for flags, a dash for nothing."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str) and ISO_DAY.fullmatch(value):
        return short_date(datetime.date.fromisoformat(value))
    if isinstance(value, str) and ISO_DAY.match(value) and "T" in value:
        try:
            moment = localtime(datetime.datetime.fromisoformat(value))
        except ValueError:
            return value
        return f"{short_date(moment.date())} {moment:%H:%M}"
    return value


def object_label(entry: AuditEntry) -> str:
    if entry.object_repr:
        return entry.object_repr
    if entry.object_id:
        return _("%(kind)s no. %(id)s") % {"kind": _model_name(entry.model), "id": entry.object_id}
    return ""


def source_label(source: str) -> str:
    if source.startswith("command:"):  # "command:load_demo": the command's name is a code
        return str(SOURCES["demo" if source.endswith("_demo") else "cli"])
    return str(SOURCES.get(source, source))


def changes_text(entry: AuditEntry) -> str:
    """The changes in one line for the export: "Field: old → new; …"."""
    parts = []
    for row in readable_rows(entry):
        if row["diff"]:
            parts.append(f"{row['label']}: {row['old']} → {row['new']}")
        else:
            parts.append(f"{row['label']}: {row['text']}")
    return "; ".join(parts)


def readable_rows(entry: AuditEntry) -> list[dict[str, object]]:
    """The entry's changes for people: field labels, choice labels, local dates, yes/no;
    the field list of a read entry as labels too."""
    rows = []
    for row in entry.change_rows():
        field = str(row["field"])
        row = {**row, "label": _field_name(entry.model, field)}
        if row["diff"]:
            row["old"] = _value(entry.model, field, row["old"])
            row["new"] = _value(entry.model, field, row["new"])
        elif field == "fields":
            row["text"] = ", ".join(_field_name(entry.model, name.strip())
                                    for name in str(row["text"]).split(","))
        rows.append(row)
    return rows


def _value(label: str, field: str, value: object) -> object:
    """A stored value for people; a nested record (an identity change's profile) with the
    labels of the model's fields, or else of the user account's."""
    if isinstance(value, dict):
        user = settings.AUTH_USER_MODEL.lower()
        parts = []
        for key, item in value.items():
            name = _field_name(label, key)
            if name == key:
                name = _field_name(user, key)
            parts.append(f"{name.replace('_', ' ')}: {shown(item)}")
        return ", ".join(parts) or "–"
    return shown(_choice(label, field, value))


def _choice(label: str, field: str, value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        choices = dict(apps.get_model(label)._meta.get_field(field).flatchoices or ())
    except (LookupError, ValueError, AttributeError, FieldDoesNotExist):
        return value
    return choices.get(value, value)


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
        yield [entry.seq, localtime(entry.timestamp).strftime("%Y-%m-%d %H:%M"),
               entry.actor_name, source_label(entry.source), entry.get_action_display(),
               str(_model_name(entry.model)) if entry.model else "",
               entry.object_id if details else "",
               object_label(entry) if details else restricted,
               changes_text(entry) if details else "", entry.request_id]
