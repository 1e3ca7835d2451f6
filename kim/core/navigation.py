"""Main navigation: each app registers its entries with the permission they need."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kim.core.permissions.check import has_perm
from kim.core.permissions.registry import registry


@dataclass(frozen=True)
class NavItem:
    key: str
    label: Promise | str
    url_name: str
    permission: str | None  # None: every member of the municipality
    order: int = 100
    active_prefix: str = ""  # view names starting with this mark the entry as current


_items: list[NavItem] = []


def register(item: NavItem) -> None:
    if item.permission is not None:
        registry.get(item.permission)
    _items.append(item)
    _items.sort(key=lambda i: (i.order, i.key))


def visible_items(user: Any, municipality: Any, view_name: str = "") -> list[dict[str, Any]]:
    return [
        {"key": i.key, "label": i.label,
         "url": reverse(i.url_name, kwargs={"municipality": municipality.slug}),
         "current": view_name == i.url_name
         or bool(i.active_prefix and view_name.startswith(i.active_prefix))}
        for i in _items
        if i.permission is None or has_perm(user, i.permission, municipality)
    ]


register(NavItem("start", _("Start"), "core:start", None, order=0))
register(NavItem("users", _("Users"), "core:user_list", "core.users:read", 900, "core:user_"))
register(NavItem("roles", _("Roles"), "core:role_list", "core.roles:read", 910, "core:role_"))
register(NavItem("audit", _("Audit log"), "core:audit_list", "core.audit:read", 920, "core:audit"))
