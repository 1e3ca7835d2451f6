"""Applicant access: a member of an applicant organisation sees only that organisation's
applications (``Membership.organisation``). Predicate and queryset filter come as a pair
(the conformance suite checks that they agree)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_scopes import scopes_disabled

_CACHE = "_kim_fund_org"


def organisation_id(user: Any, municipality: Any) -> int | None:
    """The organisation the user belongs to in the municipality (cached on the user)."""
    from kim.core.models import Membership

    cache: dict[int, int | None] = user.__dict__.setdefault(_CACHE, {})
    if municipality.pk not in cache:
        with scopes_disabled():
            cache[municipality.pk] = (
                Membership.objects.filter(user=user, municipality=municipality,
                                          is_active=True)
                .values_list("organisation_id", flat=True).first())
    return cache[municipality.pk]


def is_own(user: Any, obj: Any, municipality: Any) -> bool:
    org = organisation_id(user, municipality)
    own = getattr(obj, "organisation_id", None)
    if own is None and hasattr(obj, "application"):
        own = obj.application.organisation_id
    return org is not None and own == org


def own(user: Any, municipality: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
    org = organisation_id(user, municipality)
    if org is None:
        return queryset.none()
    return queryset.filter(organisation_id=org)
