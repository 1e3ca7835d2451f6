"""Navigation: the entries modules declare, filtered by permission, grouped by ``parent``.

The main navigation shows one entry per group; the pages of a group show the group's
entries as a section navigation; entries with parent "account" go to the header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from kim.core.modules.contract import NavItem
from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm

ACCOUNT = "account"


@dataclass
class Navigation:
    main: list[dict[str, Any]] = field(default_factory=list)
    section: list[dict[str, Any]] = field(default_factory=list)
    account: list[dict[str, Any]] = field(default_factory=list)


def _entry(item: NavItem, municipality: Any, view_name: str) -> dict[str, Any]:
    return {"key": item.key, "label": item.label,
            "url": reverse(item.url_name, kwargs={"municipality": municipality.slug}),
            "current": view_name == item.url_name
            or bool(item.active_prefix and view_name.startswith(item.active_prefix))}


def navigation(user: Any, municipality: Any, view_name: str = "") -> Navigation:
    shown = [i for i in modules.navigation() if _shown(i, user, municipality)]
    keys = {i.key for i in modules.navigation()}
    groups: dict[str, list[dict[str, Any]]] = {}
    order: list[str] = []
    result = Navigation()
    for item in shown:
        entry = _entry(item, municipality, view_name)
        if item.parent == ACCOUNT:
            result.account.append(entry)
            continue
        group = item.parent if item.parent in keys else item.key
        if group not in groups:
            groups[group] = []
            order.append(group)
        if item.key == group:
            groups[group].insert(0, entry)  # the parent leads its group
        else:
            groups[group].append(entry)
    for group in order:
        entries = groups[group]
        current = any(e["current"] for e in entries)
        result.main.append({**entries[0], "current": current})
        if current and len(entries) > 1:
            result.section = entries
    return result


def visible_items(user: Any, municipality: Any, view_name: str = "") -> list[dict[str, Any]]:
    """The main navigation's entries (one per group)."""
    return navigation(user, municipality, view_name).main


def _shown(item: NavItem, user: Any, municipality: Any) -> bool:
    if item.visible is not None:
        return item.visible(user, municipality)
    return item.permission is None or has_perm(user, item.permission, municipality)
