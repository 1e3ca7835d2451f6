"""The start page: a title per role and cards contributed by the apps.

A card is shown to users holding its permission. Cards show real data or an empty state
that says what will appear there and where it comes from – never sample figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kim.core.permissions.check import granted, has_perm
from kim.core.permissions.registry import DEFAULT_ROLES, registry

# Which default role's start page a user with several roles sees first.
ROLE_PRIORITY = ["admin", "caseworker", "benefits", "housing", "school_office", "coordinator",
                 "volunteer_coordinator", "provider", "steering"]

START_TITLES: dict[str, Promise] = {
    "caseworker": _("Start page case work"),
    "benefits": _("Start page benefits"),
    "housing": _("Start page accommodation"),
    "coordinator": _("Start page integration coordination"),
    "school_office": _("Start page school and youth office"),
    "provider": _("Start page education provider"),
    "volunteer_coordinator": _("Start page volunteer coordination"),
    "steering": _("Start page steering group"),
    "admin": _("Start page administration"),
}


@dataclass(frozen=True)
class Card:
    key: str
    template: str
    permission: str | None
    context: Callable[[HttpRequest], dict[str, Any]]
    order: int = 100


_cards: list[Card] = []


def register(card: Card) -> None:
    if card.permission is not None:
        registry.get(card.permission)
    _cards.append(card)
    _cards.sort(key=lambda c: (c.order, c.key))


def cards_for(request: HttpRequest) -> list[dict[str, Any]]:
    municipality = request.municipality  # type: ignore[attr-defined]
    return [
        {"key": c.key, "template": c.template, **c.context(request)}
        for c in _cards
        if c.permission is None or has_perm(request.user, c.permission, municipality)
    ]


def primary_role(membership: Any) -> Promise | str:
    codes = {r.builtin for r in membership.roles.all() if r.builtin}
    for code in ROLE_PRIORITY:
        if code in codes:
            return START_TITLES[code]
    return _("Start page")


def my_access(request: HttpRequest) -> dict[str, Any]:
    from kim.core.domain.roles import role_label

    names = granted(request.user, request.municipality)  # type: ignore[attr-defined]
    return {
        "roles": [role_label(r) for r in request.membership.roles.all()],  # type: ignore[attr-defined]
        "permissions": [p for p in registry if p.name in names],
        "default_roles": DEFAULT_ROLES,
    }
