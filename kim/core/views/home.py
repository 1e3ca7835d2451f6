"""Entry points: choose a municipality, and the per-role start page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django_scopes import scopes_disabled

from kim.core.http import TenantRequest
from kim.core.models import Membership
from kim.core.startpage import cards_for, primary_role
from kim.core.views.base import any_member, global_view, tenant_view


@global_view("login")
@login_required
def home(request: HttpRequest) -> HttpResponse:
    with scopes_disabled():
        memberships = list(
            Membership.objects.filter(user=request.user, is_active=True,
                                      municipality__is_active=True)
            .select_related("municipality")
            .order_by("municipality__name")
        )
    if request.user.is_superuser and not memberships:  # the platform operator
        return redirect("platform_console")
    if len(memberships) == 1:
        return redirect("core:start", municipality=memberships[0].municipality.slug)
    return render(request, "core/home.html", {"memberships": memberships})


@tenant_view(access=any_member)
def start(request: TenantRequest) -> HttpResponse:
    membership = request.membership
    return render(request, "core/start.html", {
        "role_title": primary_role(membership),
        "cards": cards_for(request),
    })
