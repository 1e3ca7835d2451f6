"""Helpers shared by the accommodation views."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from kim.core.forms.dates import date_param
from kim.core.http import TenantRequest
from kim.core.views.base import tenant_redirect, tenant_url


def board_url(request: TenantRequest, facility_id: int, anchor: str = "") -> str:
    return tenant_url(request, "housing:facility_board", anchor, pk=facility_id)


def to_board(request: TenantRequest, facility_id: int, anchor: str = "") -> HttpResponse:
    return tenant_redirect(request, "housing:facility_board", anchor, pk=facility_id)


def day_param(request: HttpRequest, name: str = "on") -> datetime.date:
    """A date from the query string, or today (a malformed or out-of-range value gives
    today, and the page says so)."""
    return date_param(request, name, timezone.localdate())
