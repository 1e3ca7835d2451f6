"""The one function that decides every permission check (views, templates, commands, API)."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django_scopes import scopes_disabled

from kim.core.permissions.registry import registry

_CACHE_ATTR = "_kim_granted"
M = TypeVar("M", bound=Model)


def granted(user: Any, municipality: Any) -> frozenset[str]:
    """All permission names the user holds in the municipality (cached on the user object).

    Only an active membership in an active municipality grants anything. Being the
    platform operator (``is_superuser``) grants nothing here on purpose.
    """
    if user is None or not user.is_authenticated or municipality is None:
        return frozenset()
    cache: dict[int, frozenset[str]] = user.__dict__.setdefault(_CACHE_ATTR, {})
    if municipality.pk not in cache:
        from kim.core.models import Membership

        with scopes_disabled():
            membership = (
                Membership.objects.filter(user=user, municipality=municipality, is_active=True,
                                          municipality__is_active=True)
                .prefetch_related("roles")
                .first()
            )
        cache[municipality.pk] = permissions_of(membership)
    return cache[municipality.pk]


def permissions_of(membership: Any) -> frozenset[str]:
    if membership is None or not membership.is_active:
        return frozenset()
    names: set[str] = set()
    for role in membership.roles.all():
        names |= role.permissions
    return frozenset(n for n in names if n in registry)


def remember(user: Any, membership: Any) -> None:
    """Seed the cache from a membership already loaded with its roles (saves a query)."""
    user.__dict__.setdefault(_CACHE_ATTR, {})[membership.municipality_id] = permissions_of(
        membership
    )


def forget(user: Any) -> None:
    user.__dict__.pop(_CACHE_ATTR, None)


def has_perm(user: Any, name: str, municipality: Any, obj: Any = None) -> bool:
    """May ``user`` do ``name`` in ``municipality`` (on ``obj``, if given)?

    Unknown names raise ``UnknownPermission``. An object of another municipality is never
    permitted; object predicates registered with the permission decide the rest.
    """
    perm = registry.get(name)
    if name not in granted(user, municipality):
        return False
    if obj is not None:
        owner = getattr(obj, "municipality_id", municipality.pk)
        if owner != municipality.pk:
            return False
        if perm.predicate is not None and not perm.predicate(user, obj, municipality):
            return False
    return True


def visible(user: Any, name: str, municipality: Any, queryset: QuerySet[M]) -> QuerySet[M]:
    """The objects of ``queryset`` the user may ``name``: none without the permission,
    those of the permission's scope filter if it has an object rule, else all of them.
    Lists and detail views use this, so a list shows exactly what a detail view opens."""
    perm = registry.get(name)
    if name not in granted(user, municipality):
        return queryset.none()
    if perm.scope is not None:
        return perm.scope(user, municipality, queryset)
    return queryset


def require(user: Any, name: str, municipality: Any, obj: Any = None) -> None:
    if not has_perm(user, name, municipality, obj):
        raise PermissionDenied(name)


class PermissionSet:
    """Template helper: ``{% if "core.users:read" in kim_perms %}``."""

    def __init__(self, user: Any, municipality: Any) -> None:
        self.user = user
        self.municipality = municipality

    def __contains__(self, name: str) -> bool:
        return has_perm(self.user, name, self.municipality)
