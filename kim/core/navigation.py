"""Main navigation: the entries modules declare, filtered by permission."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kim.core.modules.contract import NavItem
from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm


def visible_items(user: Any, municipality: Any, view_name: str = "") -> list[dict[str, Any]]:
    return [
        {"key": i.key, "label": i.label,
         "url": reverse(i.url_name, kwargs={"municipality": municipality.slug}),
         "current": view_name == i.url_name
         or bool(i.active_prefix and view_name.startswith(i.active_prefix))}
        for i in modules.navigation() if _shown(i, user, municipality)
    ]


def _shown(item: NavItem, user: Any, municipality: Any) -> bool:
    if item.visible is not None:
        return item.visible(user, municipality)
    return item.permission is None or has_perm(user, item.permission, municipality)
