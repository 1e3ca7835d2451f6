"""Who may change an account's identity, and how a change of a shared account is decided.

An account (``User``) is global; each town holds a ``Membership`` of it. A town's admin
manages that membership – roles, active flag – and nothing of another town. The account's
identity (password, name and e-mail, second factor) is the key to every town it serves:
if the admin of town A could reset it, A could log in as the account and read town B's
case data. So:

- an account that serves only town A (and is not the platform operator) is A's alone:
  A's admin changes its identity directly;
- for an account that also serves other towns, A's admin can only *request* a change
  (``IdentityChange``). Every other town's admin approves or rejects it in their own
  town (``IdentityApproval``); it is applied when all have approved. The platform
  operator may decide a request alone (``decide_as_operator``);
- the platform operator's own account is never changed by a town;
- the keys (password, second factor) of an account that reads special categories in the
  town (a role that needed a second admin to grant, kim/core/domain/grants.py) are not
  reset by one admin alone either: the reset is a request that a second admin of the
  same town (not the requester) or the platform operator approves – otherwise an admin
  could reset a caseworker's keys and read case notes as them, the bypass of the
  four-eyes grant.

Every step is audited, and changes of an account reach the audit log of every town the
account belongs to (``towns_of``). See docs/architecture.md "Accounts".
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from kim.core.audit.writer import write
from kim.core.domain.grants import needs_approval
from kim.core.models import (
    IdentityApproval,
    IdentityChange,
    Membership,
    Municipality,
    Role,
    User,
)

PROFILE_FIELDS = ("first_name", "last_name", "email")


def towns_of(user_id: int | None) -> list[int]:
    """The municipalities an account holds a membership in (active or not)."""
    if user_id is None:
        return []
    with scopes_disabled():
        return sorted(Membership.objects.filter(user_id=user_id)
                      .values_list("municipality_id", flat=True))


def is_shared(user: User, municipality: Municipality) -> bool:
    """True when ``municipality`` alone may not change the account's identity: the
    platform operator's account, or one with a membership in another town."""
    if user.is_superuser:
        return True
    return any(town != municipality.pk for town in towns_of(user.pk))


def reads_special_categories(user: User, municipality: Municipality) -> bool:
    """True when the account holds, in ``municipality``, a role whose grant needed a
    second admin (it reads special categories)."""
    with scopes_disabled():
        roles = Role.objects.filter(memberships__user=user,
                                    memberships__municipality=municipality)
        return any(needs_approval(role) for role in roles)


KEY_KINDS = (IdentityChange.Kind.PASSWORD, IdentityChange.Kind.TWO_FACTOR)


def needs_request(user: User, municipality: Municipality, kind: str) -> bool:
    """True when ``municipality``'s admin may only request this change of ``user``."""
    return is_shared(user, municipality) or (
        kind in KEY_KINDS and reads_special_categories(user, municipality))


def record_account_event(user: User, changes: dict[str, Any]) -> None:
    """An account event that is not a field change (second factor set up or reset, new
    recovery codes) in the audit log of every town of the account."""
    towns: list[int | None] = [*towns_of(user.pk)] or [None]
    for town in towns:
        write("update", model="core.user", object_id=user.pk, object_repr=str(user),
              municipality_id=town, changes=changes)


# -- requests ----------------------------------------------------------------------------
@transaction.atomic
def request_change(membership: Membership, kind: str, requested_by: User, *,
                   password: str = "", profile: dict[str, str] | None = None
                   ) -> IdentityChange:
    """Record a change of a shared account requested by ``membership``'s town: a
    one-time password (validated now, stored only as its hash), a new name and e-mail,
    or a reset of the second factor. An older open request of the same kind is replaced.
    """
    user = membership.user
    town = membership.municipality
    if not needs_request(user, town, kind):
        raise ValueError("This account is the town's alone: change it directly.")
    change = IdentityChange(user=user, kind=kind, requested_by=requested_by,
                            requested_in=town)
    if kind == IdentityChange.Kind.PASSWORD:
        validate_password(password, user)
        probe = User(password="")
        probe.set_password(password)
        change.password_hash = probe.password
    elif kind == IdentityChange.Kind.PROFILE:
        profile = {name: (profile or {}).get(name, "") for name in PROFILE_FIELDS}
        probe = User(username=user.username, **profile)
        probe.full_clean(exclude=["password", "username"])
        change.profile = profile
    for older in IdentityChange.objects.filter(user=user, kind=kind,
                                               status=IdentityChange.Status.PENDING):
        _close(older, IdentityChange.Status.WITHDRAWN, requested_by)
    change.save()
    _ensure_approvals(change)
    return change


def _ensure_approvals(change: IdentityChange) -> list[IdentityApproval]:
    """One approval per other town of the account (towns that joined since the request
    was made are added, so nobody is skipped), and one of the requesting town itself (by a
    second admin) when the keys of an account reading special categories are reset."""
    needed = [t for t in towns_of(change.user_id) if t != change.requested_in_id]
    if change.kind in KEY_KINDS and reads_special_categories(change.user,
                                                             change.requested_in):
        needed.append(change.requested_in_id)
    with scopes_disabled():
        have = set(change.approvals.values_list("municipality_id", flat=True))
        for town in needed:
            if town not in have:
                IdentityApproval.objects.create(change=change, municipality_id=town)
        return list(change.approvals.filter(municipality_id__in=needed))


def waits_for_second_admin(change: IdentityChange) -> bool:
    """True when a second admin of the requesting town must approve ``change``."""
    with scopes_disabled():
        return change.approvals.filter(municipality_id=change.requested_in_id).exists()


def open_approvals(municipality: Municipality) -> QuerySet[IdentityApproval]:
    """Requests of other towns waiting for this town's decision."""
    return (IdentityApproval.objects.filter(municipality=municipality,
                                            decision=IdentityApproval.Decision.PENDING,
                                            change__status=IdentityChange.Status.PENDING)
            .select_related("change__user", "change__requested_in",
                            "change__requested_by"))


def requested_in(municipality: Municipality) -> QuerySet[IdentityChange]:
    """Requests this town made, newest first."""
    return (IdentityChange.objects.filter(requested_in=municipality)
            .select_related("user", "requested_by"))


def pending_changes() -> QuerySet[IdentityChange]:
    """Every open request, for the platform operator."""
    return (IdentityChange.objects.filter(status=IdentityChange.Status.PENDING)
            .select_related("user", "requested_in", "requested_by"))


# -- decisions ---------------------------------------------------------------------------
def _locked(change: IdentityChange) -> IdentityChange:
    return IdentityChange.objects.select_for_update().get(pk=change.pk)


def _still_open(change: IdentityChange) -> None:
    if change.status != IdentityChange.Status.PENDING:
        raise ValidationError(_("This request was already decided."))


@transaction.atomic
def decide(approval: IdentityApproval, user: User, approve: bool) -> IdentityChange:
    """This town's decision. A rejection ends the request; the last approval applies it."""
    change = _locked(approval.change)
    _still_open(change)
    with scopes_disabled():
        approval = IdentityApproval.objects.select_for_update().get(pk=approval.pk)
    if approval.decision != IdentityApproval.Decision.PENDING:
        raise ValidationError(_("This request was already decided."))
    if approval.municipality_id == change.requested_in_id and user.pk == change.requested_by_id:
        raise ValidationError(_("You requested this change yourself: a second administrator "
                                "of the municipality, or the platform operator, decides it."))
    approval.decision = (IdentityApproval.Decision.APPROVED if approve
                         else IdentityApproval.Decision.REJECTED)
    approval.decided_by, approval.decided_at = user, timezone.now()
    approval.save()
    if not approve:
        _close(change, IdentityChange.Status.REJECTED, user)
    elif all(a.decision == IdentityApproval.Decision.APPROVED
             for a in _ensure_approvals(change)):
        _apply(change, user)
    return change


@transaction.atomic
def decide_as_operator(change: IdentityChange, operator: User,
                       approve: bool) -> IdentityChange:
    """The platform operator decides a request alone (open approvals are closed)."""
    if not operator.is_superuser:
        raise PermissionError("Only the platform operator decides alone.")
    change = _locked(change)
    _still_open(change)
    if approve:
        _apply(change, operator)
    else:
        _close(change, IdentityChange.Status.REJECTED, operator)
    return change


def _close(change: IdentityChange, status: str, user: User) -> None:
    change.status, change.decided_by, change.decided_at = status, user, timezone.now()
    change.save()
    with scopes_disabled():
        for approval in change.approvals.filter(decision=IdentityApproval.Decision.PENDING):
            approval.decision = IdentityApproval.Decision.CLOSED
            approval.decided_at = change.decided_at
            approval.save()


def _apply(change: IdentityChange, user: User) -> None:
    from kim.core.domain import twofactor

    account = User.objects.select_for_update().get(pk=change.user_id)
    if change.kind == IdentityChange.Kind.PASSWORD:
        account.password = change.password_hash
        account.must_change_password = True
        account.save()
    elif change.kind == IdentityChange.Kind.PROFILE:
        for name in PROFILE_FIELDS:
            setattr(account, name, change.profile.get(name, ""))
        account.full_clean(exclude=["password"])
        account.save()
    else:
        twofactor.reset(account)
    change.password_hash = ""  # applied: the hash lives on the account now
    _close(change, IdentityChange.Status.APPLIED, user)
