"""The permission registry and the default roles of product.md §3."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kim.core.modules.contract import Perm, Predicate, ScopeFilter

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


class UnknownPermission(LookupError):
    pass


class Registry:
    """Permission names with their labels, default roles and object rules (``Perm``)."""

    def __init__(self) -> None:
        self._perms: dict[str, Perm] = {}

    def add(self, perm: Perm) -> Perm:
        if not NAME_RE.match(perm.name):
            raise ValueError(f"Permission name {perm.name!r} is not of the form "
                             "area.resource:action")
        if perm.name in self._perms:
            raise ValueError(f"Permission {perm.name!r} is registered twice")
        unknown = set(perm.roles) - DEFAULT_ROLES.keys()
        if unknown:
            raise ValueError(f"Permission {perm.name!r} names unknown default roles "
                             f"{sorted(unknown)}")
        self._perms[perm.name] = perm
        return perm

    def register(self, name: str, label: Promise | str, roles: Iterable[str] = (),
                 predicate: Predicate | None = None, scope: ScopeFilter | None = None) -> Perm:
        return self.add(Perm(name, label, tuple(roles), predicate, scope))

    def remove(self, name: str) -> None:
        """For tests that register a module of their own."""
        del self._perms[name]

    def get(self, name: str) -> Perm:
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

    def __iter__(self) -> Iterator[Perm]:
        return iter(sorted(self._perms.values(), key=lambda p: p.name))

    def __contains__(self, name: object) -> bool:
        return name in self._perms


registry = Registry()
