"""The permission registry and the default roles of product.md §3."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Default roles (product.md §3). Their permission bundles are assembled from the
# ``roles=`` of each registered permission.
DEFAULT_ROLES: dict[str, Promise] = {
    "caseworker": _("Case work (integration team)"),
    "benefits": _("Benefits (AsylbLG)"),
    "housing": _("Accommodation management"),
    "coordinator": _("Integration coordination"),
    "school_office": _("School and youth office"),
    "provider": _("Education provider"),
    "volunteer_coordinator": _("Volunteer coordination"),
    "steering": _("Steering group"),
    "admin": _("Municipal administration"),
}

NAME_RE = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$")

# predicate(user, obj, municipality) -> bool, for object-level rules
Predicate = Callable[[Any, Any, Any], bool]


class UnknownPermission(LookupError):
    pass


@dataclass(frozen=True)
class Permission:
    name: str
    label: Promise | str
    roles: frozenset[str]
    predicate: Predicate | None = None

    @property
    def area(self) -> str:
        return self.name.split(".", 1)[0]


class Registry:
    def __init__(self) -> None:
        self._perms: dict[str, Permission] = {}

    def register(self, name: str, label: Promise | str, roles: Iterable[str] = (),
                 predicate: Predicate | None = None) -> Permission:
        if not NAME_RE.match(name):
            raise ValueError(f"Permission name {name!r} is not of the form area.resource:action")
        if name in self._perms:
            raise ValueError(f"Permission {name!r} is registered twice")
        role_set = frozenset(roles)
        unknown = role_set - DEFAULT_ROLES.keys()
        if unknown:
            raise ValueError(f"Permission {name!r} names unknown default roles {sorted(unknown)}")
        perm = Permission(name, label, role_set, predicate)
        self._perms[name] = perm
        return perm

    def get(self, name: str) -> Permission:
        try:
            return self._perms[name]
        except KeyError:
            raise UnknownPermission(f"Unknown permission {name!r}") from None

    def validate(self, names: Iterable[str]) -> frozenset[str]:
        checked = frozenset(names)
        for name in checked:
            self.get(name)
        return checked

    def bundle(self, role: str) -> frozenset[str]:
        if role not in DEFAULT_ROLES:
            raise ValueError(f"Unknown default role {role!r}")
        return frozenset(p.name for p in self._perms.values() if role in p.roles)

    def __iter__(self) -> Iterator[Permission]:
        return iter(sorted(self._perms.values(), key=lambda p: p.name))

    def __contains__(self, name: object) -> bool:
        return name in self._perms


registry = Registry()
