"""Municipal user administration: create members, change their roles and access."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.db.models import Q, QuerySet

from kim.core.domain import identity, twofactor
from kim.core.domain.grants import request_roles
from kim.core.models import IdentityChange, Membership, Municipality, Role, User


def members(municipality: Municipality) -> QuerySet[Membership]:
    """Memberships of the municipality with user and roles, ready for a list (2 queries)."""
    return (
        Membership.objects.filter(municipality=municipality)
        .select_related("user")
        .prefetch_related("roles")
        .order_by("user__last_name", "user__first_name", "user__username")
    )


def filter_members(qs: QuerySet[Membership], text: str = "",
                   role: Role | None = None) -> QuerySet[Membership]:
    """The user list's filter: every word in the name or user name; holders of ``role``."""
    for word in text.split()[:5]:
        qs = qs.filter(Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word)
                       | Q(user__username__icontains=word))
    return qs.filter(roles=role) if role is not None else qs


@transaction.atomic
def create_member(
    municipality: Municipality,
    *,
    username: str,
    password: str,
    roles: Iterable[Role],
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    must_change_password: bool = True,
    requested_by: Any = None,
) -> Membership:
    """Create a new account that belongs to ``municipality`` with ``roles``.

    The password is validated against the configured password rules; the user must change
    it at the first login unless told otherwise (used by the demo data only). With
    ``requested_by`` (an admin in the web) roles that read special categories become
    requests a second admin must approve (kim.core.domain.grants); without it (demo data,
    tests, the operator's commands) they take effect at once.
    """
    user = User(username=username, first_name=first_name, last_name=last_name, email=email,
                must_change_password=must_change_password)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    membership = Membership.objects.create(municipality=municipality, user=user)
    if requested_by is not None:
        request_roles(membership, roles, requested_by)
    else:
        set_roles(membership, roles)
    return membership


def set_roles(membership: Membership, roles: Iterable[Role]) -> None:
    roles = list(roles)
    foreign = [r for r in roles if r.municipality_id != membership.municipality_id]
    if foreign:
        raise ValueError("Roles of another municipality cannot be assigned.")
    membership.roles.set(roles)


@transaction.atomic
def update_member(membership: Membership, *, first_name: str, last_name: str, email: str,
                  is_active: bool, roles: Iterable[Role], by: User | None = None
                  ) -> IdentityChange | None:
    """Save the membership (roles, active flag: the town's own business) and the name and
    e-mail. Roles that read special categories become requests a second admin approves
    (:func:`kim.core.domain.grants.request_roles`). For an account that also serves other
    towns the name and e-mail change is only requested (kim/core/domain/identity.py) and
    returned."""
    user = membership.user
    membership.is_active = is_active
    membership.save()
    if by is not None:
        request_roles(membership, roles, by)
    else:
        set_roles(membership, roles)
    profile = {"first_name": first_name, "last_name": last_name, "email": email}
    if all(getattr(user, name) == value for name, value in profile.items()):
        return None
    if identity.is_shared(user, membership.municipality):
        assert by is not None, "a request needs the admin who makes it"
        return identity.request_change(membership, IdentityChange.Kind.PROFILE, by,
                                       profile=profile)
    user.first_name, user.last_name, user.email = first_name, last_name, email
    user.full_clean()
    user.save()
    return None


@transaction.atomic
def reset_password(membership: Membership, password: str, by: User | None = None
                   ) -> IdentityChange | None:
    """An admin sets a one-time password; the user must choose a new one at next login.
    For an account shared with other towns, or one that reads special categories, this is
    a request that they, or a second admin, approve (kim/core/domain/identity.py)."""
    user = membership.user
    if identity.needs_request(user, membership.municipality, IdentityChange.Kind.PASSWORD):
        assert by is not None, "a request needs the admin who makes it"
        return identity.request_change(membership, IdentityChange.Kind.PASSWORD, by,
                                       password=password)
    validate_password(password, user)
    user.set_password(password)
    user.must_change_password = True
    user.save()
    return None


@transaction.atomic
def reset_second_factor(membership: Membership, by: User) -> IdentityChange | None:
    """An admin removes the account's second factor (lost phone): the user sets up a new
    one at the next login. For a shared account, or one that reads special categories,
    this is a request."""
    user = membership.user
    if identity.needs_request(user, membership.municipality, IdentityChange.Kind.TWO_FACTOR):
        return identity.request_change(membership, IdentityChange.Kind.TWO_FACTOR, by)
    twofactor.reset(user)
    return None
