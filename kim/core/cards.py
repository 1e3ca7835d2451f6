"""Start-page cards of the core app."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kim.core.domain.audit import entries
from kim.core.models import Membership, Role
from kim.core.startpage import Card, my_access, register


def _admin_overview(request: HttpRequest) -> dict[str, Any]:
    municipality = request.municipality  # type: ignore[attr-defined]
    return {
        "member_count": Membership.objects.filter(is_active=True).count(),
        "custom_role_count": Role.objects.filter(builtin="").count(),
        "recent_entries": list(entries(municipality)[:5]),
    }


register(Card("admin_overview", "core/cards/admin_overview.html", "core.users:read",
              _admin_overview, order=10))
register(Card("my_access", "core/cards/my_access.html", None, my_access, order=1000))
