"""Personal access tokens: issue (shown once), look up by hash, revoke."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from kim.api.models import ApiToken

PREFIX = "kim_"
MAX_DAYS = 366
DEFAULT_DAYS = 90


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class Issued:
    token: ApiToken
    raw: str  # the token itself: shown once, never stored


def api_modules() -> list[str]:
    """Labels of the modules that have API endpoints (what a token may be limited to)."""
    from kim.api.endpoints import modules

    return sorted(modules())


def issue(user: Any, municipality: Any, *, name: str, access: str = ApiToken.Access.READ,
          modules: Sequence[str] = (), days: int = DEFAULT_DAYS) -> Issued:
    """A new token for ``user`` in ``municipality``. Raises ValidationError naming the
    field for an unknown access or module, a period out of range, or no membership."""
    from kim.core.models import Membership

    if access not in ApiToken.Access.values:
        raise ValidationError({"access": _("Choose read or write.")})
    unknown = sorted(set(modules) - set(api_modules()))
    if unknown:
        raise ValidationError({"modules": _("Unknown module: %(names)s") %
                               {"names": ", ".join(unknown)}})
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError({"expires": _("A token expires after 1 to %(max)d days.") %
                               {"max": MAX_DAYS}})
    if not name.strip() or len(name) > 100:
        raise ValidationError({"name": _("Give the token a name of at most 100 characters.")})
    with scopes_disabled():
        member = Membership.objects.filter(user=user, municipality=municipality,
                                           is_active=True).exists()
    if not member:
        raise ValidationError({"user": _("The user is no active member of this "
                                         "municipality.")})
    raw = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        municipality=municipality, user=user, name=name.strip(), prefix=raw[:12],
        token_hash=digest(raw), access=access, modules=sorted(set(modules)),
        expires_at=timezone.now() + datetime.timedelta(days=days))
    return Issued(token, raw)


def lookup(raw: str) -> ApiToken | None:
    """The usable token with this value, or None (unknown, expired, revoked)."""
    if not raw.startswith(PREFIX) or len(raw) > 100:
        return None
    with scopes_disabled():
        token = (ApiToken.objects.select_related("user", "municipality")
                 .filter(token_hash=digest(raw)).first())
    if token is None or not token.is_usable or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=5):
        with scopes_disabled():  # at most one write per five minutes and token
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def revoke(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
