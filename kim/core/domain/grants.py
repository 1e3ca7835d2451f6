"""Four-eyes principle for roles that read special categories of personal data.

An admin who gives a member a role holding a permission of
``kim.core.audit.privacy.special_permissions()`` (vulnerabilities, case notes, documents,
incident reports, every audit detail …) only requests it: a ``RoleGrant`` waits until
another admin – neither the requester nor the member – approves it. Every step is in the
audit log (the grant is an audited record; the role assignment too). Removing roles and
giving roles without such permissions take effect at once.

Closed side doors: a custom role held by members cannot be given such a permission later
(that would grant it to them without approval), and a pending grant is withdrawn when the
admin unticks it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.audit.privacy import special_permissions
from kim.core.models import Membership, Municipality, Role, RoleGrant


def needs_approval(role: Role) -> bool:
    return bool(role.permissions & special_permissions())


def pending(municipality: Municipality) -> QuerySet[RoleGrant]:
    return (RoleGrant.objects.filter(municipality=municipality,
                                     status=RoleGrant.Status.PENDING)
            .select_related("membership__user", "role", "requested_by")
            .order_by("requested_at", "pk"))


def recent_decisions(municipality: Municipality, limit: int = 20) -> list[RoleGrant]:
    return list(RoleGrant.objects.filter(municipality=municipality)
                .exclude(status=RoleGrant.Status.PENDING)
                .select_related("membership__user", "role", "requested_by", "decided_by")
                .order_by("-decided_at", "-pk")[:limit])


def pending_roles(membership: Membership) -> list[Role]:
    return [g.role for g in RoleGrant.objects.filter(
        membership=membership, status=RoleGrant.Status.PENDING).select_related("role")]


@transaction.atomic
def request_roles(membership: Membership, roles: Iterable[Role],
                  requested_by: Any) -> list[Role]:
    """Give ``membership`` exactly ``roles`` as an admin asked: roles that need approval
    and are not held yet become pending grants, everything else takes effect now.
    Returns the roles now awaiting approval."""
    from kim.core.domain.users import set_roles

    wanted = set(roles)
    held = set(membership.roles.all())
    waiting = {r for r in wanted - held if needs_approval(r)}
    set_roles(membership, wanted - waiting)
    open_grants = {g.role_id: g for g in RoleGrant.objects.filter(
        membership=membership, status=RoleGrant.Status.PENDING)}
    for role in waiting:
        if role.pk not in open_grants:
            RoleGrant.objects.create(municipality_id=membership.municipality_id,
                                     membership=membership, role=role,
                                     requested_by=requested_by)
    for role_id, grant in open_grants.items():
        if role_id not in {r.pk for r in waiting}:
            _close(grant, RoleGrant.Status.WITHDRAWN, requested_by)
    return sorted(waiting, key=lambda r: r.pk)


def _close(grant: RoleGrant, status: str, user: Any) -> None:
    grant.status, grant.decided_by, grant.decided_at = status, user, timezone.now()
    grant.save()


@transaction.atomic
def approve(grant: RoleGrant, approver: Any) -> None:
    """The second admin's approval: the role takes effect."""
    grant = RoleGrant.objects.select_for_update().get(pk=grant.pk)
    if grant.status != RoleGrant.Status.PENDING:
        raise ValidationError(_("This request was already decided."))
    if approver.pk == grant.requested_by_id:
        raise ValidationError(_("You requested this role yourself: another administrator "
                                "must approve it."))
    if approver.pk == grant.membership.user_id:
        raise ValidationError(_("You cannot approve a role for yourself: another "
                                "administrator must approve it."))
    grant.membership.roles.add(grant.role)
    _close(grant, RoleGrant.Status.APPROVED, approver)


@transaction.atomic
def reject(grant: RoleGrant, user: Any) -> None:
    """Any admin may stop a request; the requester's own stop counts as withdrawn."""
    grant = RoleGrant.objects.select_for_update().get(pk=grant.pk)
    if grant.status != RoleGrant.Status.PENDING:
        raise ValidationError(_("This request was already decided."))
    _close(grant, RoleGrant.Status.WITHDRAWN if user.pk == grant.requested_by_id
           else RoleGrant.Status.REJECTED, user)


def check_role_change(role: Role, permissions: Iterable[str]) -> None:
    """A custom role its members hold cannot gain a special-category permission: that
    would grant it to every holder without a second admin's approval."""
    if role.pk is None:
        return
    added = (set(permissions) - role.permissions) & special_permissions()
    if added and role.memberships.exists():
        raise ValidationError({"permissions": _(
            "Members hold this role. Permissions that read special categories of personal "
            "data (%(names)s) cannot be added to it: create a new role with them and grant "
            "it – another administrator must approve each grant.")
            % {"names": ", ".join(sorted(added))}})
