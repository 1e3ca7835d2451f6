"""Who is acting, where, and in which request – for the audit writer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class AuditContext:
    request: Any = None
    actor: Any = None
    municipality_id: int | None = None
    request_id: str = ""
    source: str = ""

    def actor_user(self) -> Any:
        if self.actor is not None:
            return self.actor
        user = getattr(self.request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None


# AuditContext is a frozen dataclass, so sharing the default instance is safe.
_current: ContextVar[AuditContext] = ContextVar(
    "kim_audit_context", default=AuditContext()  # noqa: B039
)


def current() -> AuditContext:
    return _current.get()


@contextmanager
def audit_context(**changes: Any) -> Iterator[AuditContext]:
    """Set parts of the audit context for the duration of a block.

    Commands use it with ``source="command:NAME"`` and the municipality they work on.
    """
    token = _current.set(replace(_current.get(), **changes))
    try:
        yield _current.get()
    finally:
        _current.reset(token)
