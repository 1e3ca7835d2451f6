"""The start page: a title per role and cards contributed by the apps.

A card is shown to users holding its permission. Cards show real data or an empty state
that says what will appear there and where it comes from – never sample figures.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kim.core.http import TenantRequest
from kim.core.modules.registry import modules
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


def cards_for(request: TenantRequest) -> list[dict[str, Any]]:
    municipality = request.municipality
    return [
        {"key": c.key, "template": c.template, **c.context(request)}
        for c in modules.cards()
        if c.permission is None or has_perm(request.user, c.permission, municipality)
    ]


def primary_role(membership: Any) -> Promise | str:
    codes = {r.builtin for r in membership.roles.all() if r.builtin}
    for code in ROLE_PRIORITY:
        if code in codes:
            return START_TITLES[code]
    return _("Start page")


def my_access(request: TenantRequest) -> dict[str, Any]:
    from kim.core.domain.roles import role_label

    names = granted(request.user, request.municipality)
    assert request.membership is not None  # start page: members only
    return {
        "roles": [role_label(r) for r in request.membership.roles.all()],
        "permissions": [p for p in registry if p.name in names],
        "default_roles": DEFAULT_ROLES,
    }
