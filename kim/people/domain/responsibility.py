"""Who is responsible for whom – the extension point behind "my caseload" on the worklist.

Case work depends on people, never the reverse, so the people app cannot ask case work
for a caseworker's persons. Case work registers a ``ResponsibilitySource`` here instead;
without one the deadline worklist simply has no responsibility filter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from kim.core.models import Municipality


@dataclass(frozen=True)
class ResponsibilitySource:
    permission: str  # who may filter by responsibility
    # (user id, display name) of everyone who can be responsible, in display order
    responsible_users: Callable[[Municipality], list[tuple[int, str]]]
    # a ``values("person_id")``-style subquery of the persons a user is responsible for
    persons_of: Callable[[Municipality, int], QuerySet[Any]]


_source: ResponsibilitySource | None = None


def register(source: ResponsibilitySource) -> None:
    global _source
    _source = source


def registered() -> ResponsibilitySource | None:
    return _source
