"""Which models are audited, how, and which are exempt (with a reason)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import models

REDACTED = "***"


# towns(instance) -> municipality ids whose audit log gets the entry (global objects that
# concern several towns, e.g. an account: every town it serves sees its changes)
Towns = Callable[[Any], Iterable[int]]


@dataclass(frozen=True)
class AuditConfig:
    redact: frozenset[str]
    exclude: frozenset[str]
    towns: Towns | None = None


_registered: dict[str, AuditConfig] = {}

M = TypeVar("M", bound=type[models.Model])


def _label(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model.__name__}".lower()


def audited(redact: Iterable[str] = (), exclude: Iterable[str] = (),
            towns: Towns | None = None) -> Callable[[M], M]:
    """Class decorator: write an audit entry for every create/update/delete of the model.

    ``redact``: fields whose values never enter the log (only that they changed).
    ``exclude``: fields whose changes are not worth an entry (e.g. last_login).
    ``towns``: for a global model, the municipalities whose log gets a copy of each entry
    (none: the municipality of the current request, as for any other model).
    """

    def register(model: M) -> M:
        _registered[_label(model)] = AuditConfig(frozenset(redact), frozenset(exclude),
                                                 towns)
        return model

    return register


def config_for(model: type[models.Model]) -> AuditConfig | None:
    return _registered.get(_label(model))


def exemption_for(model: type[models.Model]) -> str | None:
    """The reason a model is not audited, as its module declares it (``AuditRules``)."""
    from kim.core.modules.registry import modules

    return modules.audit_exemptions().get(_label(model))


class AuditSnapshotMixin(models.Model):
    """Remembers the values an instance was loaded with, so an update can be diffed
    without a second query."""

    _audit_snapshot: dict[str, Any]

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> Any:
        instance = super().from_db(db, field_names, values)
        config = config_for(cls)
        if config is not None:
            from kim.core.audit.writer import snapshot

            instance._audit_snapshot = snapshot(instance, config)
        return instance
