"""How a module declares its REST endpoints: ``KimModule(api="kim.x.api")`` names a module
with ``ENDPOINTS: list[Endpoint]``; kim/api mounts them under /api/v1/<municipality>/
behind the web's permission check (kim.api.access.endpoint)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Endpoint:
    """``permissions``: per HTTP method, the permission the web's page for the same
    action checks; ``obj``: the model (or a callable giving the queryset) of the object in
    the URL, found through the GET permission's object rule like ``tenant_view``."""

    route: str
    name: str
    permissions: Mapping[str, str]
    view: Any  # an APIView class
    obj: type[Any] | Callable[[], Any] | None = None
    list_view: bool = False
