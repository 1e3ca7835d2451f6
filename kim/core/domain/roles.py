"""Custom roles composed from the permission registry."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kim.core.models import Municipality, Role
from kim.core.permissions.registry import DEFAULT_ROLES, registry


def role_label(role: Role) -> str:
    return str(DEFAULT_ROLES[role.builtin]) if role.builtin else role.name


@transaction.atomic
def save_custom_role(municipality: Municipality, *, name: str, description: str,
                     permissions: Iterable[str], role: Role | None = None) -> Role:
    names = sorted(set(permissions))
    unknown = [n for n in names if n not in registry]
    if unknown:
        raise ValidationError({"permissions": _("Unknown permissions: %s") % ", ".join(unknown)})
    if role is not None and role.builtin:
        raise ValidationError(_("Default roles cannot be changed; create a custom role instead."))
    if role is not None:
        from kim.core.domain.grants import check_role_change

        check_role_change(role, names)
    role = role or Role(municipality=municipality)
    role.name, role.description, role.custom_permissions = name, description, names
    role.full_clean()
    role.save()
    return role
