"""Start-page cards of the core app."""

from __future__ import annotations

from typing import Any

from kim.core.domain.audit import Presenter, entries
from kim.core.http import TenantRequest
from kim.core.models import Membership, Role


def admin_overview(request: TenantRequest) -> dict[str, Any]:
    return {
        "member_count": Membership.objects.filter(is_active=True).count(),
        "custom_role_count": Role.objects.filter(builtin="").count(),
        "recent_entries": Presenter(request.user, request.municipality).present(
            entries(request.municipality)[:5]),
    }
