"""Report queries on a read replica (docs/operations.md "Beyond one machine").

With ``KIM_REPLICA_DATABASE_URL`` set, the settings add a ``replica`` database and every
read inside :func:`reporting` (the report service wraps each report's computation in it)
goes there; every write, and every read outside it, goes to ``default``. Without a
replica nothing changes. A replica lags behind: reports may miss the last seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings

REPLICA = "replica"
_reporting: ContextVar[bool] = ContextVar("kim_reporting", default=False)


@contextmanager
def reporting() -> Iterator[None]:
    token = _reporting.set(True)
    try:
        yield
    finally:
        _reporting.reset(token)


class ReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        if _reporting.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return "default" if REPLICA in settings.DATABASES else None

    def db_for_write(self, model: Any, **hints: Any) -> str | None:
        return "default" if REPLICA in settings.DATABASES else None

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        return True if REPLICA in settings.DATABASES else None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return None  # the replica is a copy of default, migrated by replication
