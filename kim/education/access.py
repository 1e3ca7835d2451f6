"""Object rules of the education module: who reaches which course and whose card.

Three ways to reach a person's education card, each a permission of its own so that the
role matrix (product.md §3, "education record") stays readable: case work reaches every
person (``education.records:all``), the school office children and youths
(``education.records:children``), a provider's staff exactly the persons with an open
referral to a course of their organisation (``Membership.organisation``) – the referral
is the grant, ending it ends the access. Courses: the coordinator edits every course
(``education.courses:manage``), a provider only its own.

Each rule is a pair (predicate for one object, filter for a queryset) that the
conformance suite checks for agreement. The card's entries (referrals, assessments …)
follow their person, except a referral itself, which a provider reaches only when it is
to one of its own courses.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django_scopes import scopes_disabled

from kim.core.permissions.check import granted

ALL = "education.records:all"
CHILDREN = "education.records:children"
MANAGE = "education.courses:manage"


def organisation_id(user: Any, municipality: Any) -> int | None:
    """The user's organisation in the municipality (cached on the user object)."""
    cache: dict[int, int | None] = user.__dict__.setdefault("_kim_education_org", {})
    if municipality.pk not in cache:
        from kim.core.models import Membership

        with scopes_disabled():
            cache[municipality.pk] = (Membership.objects.filter(
                user=user, municipality=municipality, is_active=True)
                .values_list("organisation_id", flat=True).first())
    return cache[municipality.pk]


def _person_model() -> Any:
    from kim.people.models import Person

    return Person


def _referred_ids(org_id: int | None) -> QuerySet[Any]:
    from kim.education.models import Referral

    return Referral.objects.filter(course__provider_id=org_id, ended_on__isnull=True,
                                   ).values("person_id")


# -- persons and the card's entries ---------------------------------------------------
def _person_q(user: Any, municipality: Any, prefix: str) -> Q | None:
    """None: every person; else the filter of reachable persons."""
    perms = granted(user, municipality)
    if ALL in perms:
        return None
    q = Q(**{f"{prefix}pk__in": _referred_ids(organisation_id(user, municipality))})
    if CHILDREN in perms:
        from kim.people.domain.children import adult_cutoff

        today = timezone.localdate()
        q |= Q(**{f"{prefix}birth_date__gt": adult_cutoff(today)}) & (
            Q(**{f"{prefix}moved_away_date__isnull": True})
            | Q(**{f"{prefix}moved_away_date__gt": today}))
    return q


def card_scope(user: Any, municipality: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
    model = queryset.model
    if model is _person_model():
        q = _person_q(user, municipality, "")
        return queryset if q is None else queryset.filter(q)
    from kim.education.models import Attendance, Referral

    if model is Referral:
        return referral_scope(user, municipality, queryset)
    if model is Attendance:
        ids = referral_scope(user, municipality, Referral.objects.all()).values("pk")
        return queryset.filter(referral_id__in=ids)
    q = _person_q(user, municipality, "person__")
    return queryset if q is None else queryset.filter(q)


def card_allows(user: Any, obj: Any, municipality: Any) -> bool:
    return card_scope(user, municipality, type(obj)._default_manager.filter(
        pk=obj.pk)).exists()


def referral_scope(user: Any, municipality: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Case work and the school office reach referrals of the persons they reach; a
    provider only the open referrals to its own courses."""
    perms = granted(user, municipality)
    if ALL in perms:
        return queryset
    q = Q(course__provider_id=organisation_id(user, municipality), ended_on__isnull=True)
    if CHILDREN in perms:
        child = _person_q(user, municipality, "person__")
        assert child is not None
        q |= child
    return queryset.filter(q)


# -- courses --------------------------------------------------------------------------
def course_scope(user: Any, municipality: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
    if MANAGE in granted(user, municipality):
        return queryset
    return queryset.filter(provider_id=organisation_id(user, municipality))


def course_allows(user: Any, obj: Any, municipality: Any) -> bool:
    if MANAGE in granted(user, municipality):
        return True
    org = organisation_id(user, municipality)
    return org is not None and obj.provider_id == org
