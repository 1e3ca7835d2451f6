"""Signal handlers and explicit calls that write audit entries."""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save

from kim.core.audit.context import current
from kim.core.audit.registry import REDACTED, AuditConfig, config_for


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if hasattr(value, "name") and hasattr(value, "url"):  # FieldFile
        return value.name or None
    return str(value)


def snapshot(instance: models.Model, config: AuditConfig) -> dict[str, Any]:
    """The instance's current field values, keyed by field name (FKs as ids)."""
    deferred = instance.get_deferred_fields()
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in config.exclude or field.attname in deferred:
            continue
        values[field.name] = _jsonable(getattr(instance, field.attname))
    return values


def _redact(config: AuditConfig, changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    return {
        name: [REDACTED if old is not None else None, REDACTED] if name in config.redact
        else [old, new]
        for name, (old, new) in changes.items()
    }


def _municipality_id(instance: models.Model) -> int | None:
    if instance._meta.label_lower == "core.municipality":
        return instance.pk
    own = getattr(instance, "municipality_id", None)
    return own if own is not None else current().municipality_id


def write(action: str, *, model: str = "", object_id: Any = "", object_repr: str = "",
          municipality_id: int | None = None, changes: dict[str, Any] | None = None,
          actor_name: str | None = None) -> None:
    from kim.core.models import AuditEntry

    ctx = current()
    actor = ctx.actor_user()
    AuditEntry(
        municipality_id=municipality_id if municipality_id is not None else ctx.municipality_id,
        actor_id=actor.pk if actor is not None else None,
        actor_name=actor_name if actor_name is not None
        else (actor.get_username() if actor else ""),
        request_id=ctx.request_id,
        source=ctx.source or ("web" if ctx.request is not None else ""),
        action=action,
        model=model,
        object_id=str(object_id or ""),
        object_repr=object_repr[:200],
        changes=changes or {},
    ).save()


def _minimise(instance: models.Model, changes: dict[str, Any]) -> dict[str, Any]:
    """Special-category records (``AuditRules.restricted``) leave no values in the log:
    only which fields changed, and the links (person, household) that say whose record."""
    links = {f.name for f in instance._meta.concrete_fields if f.is_relation}
    result: dict[str, Any] = {}
    for name, value in changes.items():
        if name in links or not (isinstance(value, list) and len(value) == 2):
            result[name] = value
        else:
            old, new = value
            result[name] = [None if old is None else REDACTED, None if new is None else REDACTED]
    return result


def _write_for(instance: models.Model, action: str, changes: dict[str, Any]) -> None:
    from kim.core.audit.privacy import is_personal, is_restricted

    label = instance._meta.label_lower
    if is_restricted(label) and action != "read":
        changes = _minimise(instance, changes)
    config = config_for(type(instance))
    towns = list(config.towns(instance)) if config is not None and config.towns else []
    targets: list[int | None] = [*towns] or [_municipality_id(instance)]
    for municipality_id in targets:
        write(
            action,
            model=label,
            object_id=instance.pk,
            # The log is no second copy of the people's data: for their records it names
            # the kind of object and its id, never a name ("Family, Given", "health").
            object_repr="" if is_personal(label) else str(instance),
            municipality_id=municipality_id,
            changes=changes,
        )


def on_post_save(sender: type[models.Model], instance: models.Model, created: bool,
                 raw: bool = False, **kwargs: Any) -> None:
    config = config_for(sender)
    if config is None or raw:
        return
    new = snapshot(instance, config)
    if created:
        changes = {k: [None, v] for k, v in new.items() if v not in (None, "", [], {})}
        action = "create"
    else:
        old = getattr(instance, "_audit_snapshot", {})
        changes = {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
        action = "update"
        if not changes:
            return
    instance._audit_snapshot = new  # type: ignore[attr-defined]
    _write_for(instance, action, _redact(config, changes))


def on_post_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    config = config_for(sender)
    if config is None:
        return
    old = snapshot(instance, config)
    _write_for(instance, "delete", _redact(config, {k: [v, None] for k, v in old.items()}))


def _m2m_field(instance: models.Model, through: type[models.Model]) -> models.Field | None:
    for field in instance._meta.many_to_many:
        if field.remote_field.through is through:
            return field
    return None


def on_m2m_changed(sender: type[models.Model], instance: models.Model, action: str,
                   reverse: bool, **kwargs: Any) -> None:
    if reverse or config_for(type(instance)) is None:
        return
    field = _m2m_field(instance, sender)
    if field is None:
        return
    ids = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    if action.startswith("pre_"):
        instance.__dict__.setdefault("_audit_m2m", {})[field.name] = ids
    elif action.startswith("post_"):
        before = instance.__dict__.get("_audit_m2m", {}).pop(field.name, [])
        if before != ids:
            _write_for(instance, "update", {field.name: [before, ids]})


def record_read(instance: models.Model, fields: Iterable[str], reason: str = "") -> None:
    """Record that restricted data of ``instance`` was shown to the current user."""
    changes: dict[str, Any] = {"fields": sorted(fields)}
    if reason:
        changes["reason"] = reason
    _write_for(instance, "read", changes)


def record_bulk(model: type[models.Model], count: int, description: str,
                municipality_id: int | None = None) -> None:
    """Bulk writes (``update()``, ``bulk_create``, imports) bypass signals: log them here."""
    write("bulk", model=model._meta.label_lower, object_repr=description,
          municipality_id=municipality_id, changes={"count": count})


def connect() -> None:
    post_save.connect(on_post_save, dispatch_uid="kim_audit_post_save")
    post_delete.connect(on_post_delete, dispatch_uid="kim_audit_post_delete")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="kim_audit_m2m")
