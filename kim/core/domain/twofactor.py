"""The second factor: TOTP (an authenticator app, django-otp's ``TOTPDevice``) with
recovery codes, and the municipal policy of who must use it.

Policy (``core.two_factor_roles``, a dated ``PolicySetting`` per town): the default roles
listed there need a second factor; a custom role needs one when it grants a permission
that, among the default roles, only listed roles hold (so "caseworker under another
name" cannot dodge the rule). The platform operator always needs one. A user who holds a
role needing it in any active town must use it; a user who set one up uses it anyway.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterable

import segno
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from kim.core.domain.identity import record_account_event
from kim.core.domain.settings import setting
from kim.core.models import Membership, RecoveryCode, Role, User
from kim.core.permissions.registry import DEFAULT_ROLES, registry

POLICY_KEY = "core.two_factor_roles"
DEFAULT_REQUIRED = ["caseworker", "benefits", "admin"]
POLICY_LABEL = _("Roles that must log in with a second factor")
POLICY_HELP = _("Codes of default roles, separated by commas. Custom roles need a second "
                "factor when they grant something only these roles hold. The platform "
                "operator always needs one.")

RECOVERY_CODES = 10
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud and typed


# -- policy ------------------------------------------------------------------------------
def exclusive_permissions(required: Iterable[str]) -> frozenset[str]:
    """Permissions that, among the default roles, only the ``required`` ones hold."""
    required = set(required)
    inside = frozenset().union(*(registry.bundle(r) for r in required if r in DEFAULT_ROLES))
    outside = frozenset().union(*(registry.bundle(r) for r in DEFAULT_ROLES
                                  if r not in required))
    return inside - outside


def role_requires(role: Role, required: set[str], exclusive: frozenset[str]) -> bool:
    if role.builtin:
        return role.builtin in required
    return bool(role.permissions & exclusive)


def is_required(user: User) -> bool:
    """Must ``user`` log in with a second factor (today's policy of each active town)?"""
    if user.is_superuser:
        return True
    today = timezone.localdate()
    with scopes_disabled():
        memberships = (Membership.objects.filter(user=user, is_active=True,
                                                 municipality__is_active=True)
                       .select_related("municipality").prefetch_related("roles"))
        for membership in memberships:
            required = set(setting(membership.municipality, POLICY_KEY, today))
            exclusive = exclusive_permissions(required)
            if any(role_requires(r, required, exclusive) for r in membership.roles.all()):
                return True
    return False


# -- devices -----------------------------------------------------------------------------
def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_second_factor(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user: User) -> TOTPDevice:
    """The not yet confirmed device of an enrolment (the same secret on every reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="kim", confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing it into an app by hand."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// URL as a QR code: an SVG data URI, rendered here (no outside
    service, no script; the CSP allows data: images)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


@transaction.atomic
def confirm(device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm an enrolment with a code from the app: the device becomes the account's
    second factor, older devices go, and fresh recovery codes are returned (to be shown
    once). None when the code is wrong."""
    if not device.verify_token(_digits(code)):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_codes(device.user)
    record_account_event(device.user, {"second factor": [None, "authenticator app"],
                                       "recovery codes": [None, RECOVERY_CODES]})
    return codes


def verify(user: User, code: str) -> str | None:
    """Check a login's second factor: ``"totp"``, ``"recovery"`` (that code is used up)
    or None."""
    device = confirmed_device(user)
    if device is None:
        return None
    digits = _digits(code)
    if digits.isdigit() and len(digits) == device.digits:
        return "totp" if device.verify_token(digits) else None
    return "recovery" if use_recovery_code(user, code) else None


def _digits(code: str) -> str:
    return "".join(code.split())


# -- recovery codes ----------------------------------------------------------------------
def _normalise(code: str) -> str:
    return "".join(c for c in code.lower() if c.isalnum())


def _new_codes(user: User) -> list[str]:
    RecoveryCode.objects.filter(user=user).delete()
    codes = []
    for _i in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(_ALPHABET) for _j in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
        RecoveryCode.objects.create(user=user, code_hash=make_password(raw))
    return codes


@transaction.atomic
def new_recovery_codes(user: User) -> list[str]:
    """Replace the recovery codes (the old ones stop working)."""
    codes = _new_codes(user)
    record_account_event(user, {"recovery codes": ["***", RECOVERY_CODES]})
    return codes


@transaction.atomic
def use_recovery_code(user: User, code: str) -> bool:
    wanted = _normalise(code)
    if len(wanted) != 10:
        return False
    for row in RecoveryCode.objects.select_for_update().filter(user=user, used_at=None):
        if check_password(wanted, row.code_hash):
            row.used_at = timezone.now()
            row.save(update_fields=["used_at"])
            record_account_event(user, {"recovery code used": [None, remaining_codes(user)]})
            return True
    return False


def remaining_codes(user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at=None).count()


# -- reset -------------------------------------------------------------------------------
@transaction.atomic
def reset(user: User) -> None:
    """Remove the account's second factor and recovery codes: at the next login the user
    sets up a new one (if the policy requires it). An identity change: callers decide
    who may do it (kim/core/domain/identity.py)."""
    had = has_second_factor(user)
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
    if had:
        record_account_event(user, {"second factor": ["authenticator app", None]})
