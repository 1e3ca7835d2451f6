"""Helpers shared by the case-work views."""

from __future__ import annotations

from django.http import HttpResponse

from kim.core.http import TenantRequest
from kim.core.views.base import tenant_redirect, tenant_url


def case_url(request: TenantRequest, person_id: int, anchor: str = "") -> str:
    return tenant_url(request, "casework:case", anchor, pk=person_id)


def case_redirect(request: TenantRequest, person_id: int, anchor: str = "") -> HttpResponse:
    return tenant_redirect(request, "casework:case", anchor, pk=person_id)
