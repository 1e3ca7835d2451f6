"""A logged-in user's second factor: status, setting up the app, new recovery codes, and
turning it off where the policy does not require it. Every change needs a current code
(a stolen session alone cannot replace the factor) and is throttled like a login."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kim.core.domain import throttle, twofactor
from kim.core.views.auth import (
    WRONG_SETUP_CODE,
    Refused,
    checked,
    recovery_codes_page,
    setup_page,
)
from kim.core.views.base import global_view


@global_view("login")
@never_cache
@login_required
def security(request: HttpRequest) -> HttpResponse:
    user = request.user
    device = twofactor.confirmed_device(user)  # type: ignore[arg-type]
    required = twofactor.is_required(user)  # type: ignore[arg-type]
    error = ""
    action = request.POST.get("action")
    if request.method == "POST" and device is not None:
        if action not in ("codes", "disable") or (action == "disable" and required):
            error = _("This action is not available.")
        else:
            attempt = throttle.attempt(request, user.get_username())
            try:
                method = checked(request, attempt,
                                 lambda code: twofactor.verify(user, code))  # type: ignore[arg-type]
            except Refused as refused:
                return refused.response
            if method is None:
                error = _("The code is not right. Please enter the current code from your "
                          "app.")
            elif action == "codes":
                codes = twofactor.new_recovery_codes(user)  # type: ignore[arg-type]
                return recovery_codes_page(request, codes, reverse("account_security"))
            else:
                twofactor.reset(user)  # type: ignore[arg-type]
                messages.success(request, _("The second factor was turned off."))
                return redirect("account_security")
    return render(request, "core/auth/security.html", {
        "device": device, "required": required, "error": error,
        "remaining": twofactor.remaining_codes(user),  # type: ignore[arg-type]
    })


@global_view("login")
@never_cache
@login_required
def security_setup(request: HttpRequest) -> HttpResponse:
    """Set up the app while logged in (voluntarily, or to replace a reset one)."""
    user = request.user
    if twofactor.has_second_factor(user):  # type: ignore[arg-type]
        return redirect("account_security")
    device = twofactor.pending_device(user)  # type: ignore[arg-type]
    error = ""
    if request.method == "POST":
        attempt = throttle.attempt(request, user.get_username())
        try:
            codes = checked(request, attempt, lambda code: twofactor.confirm(device, code))
        except Refused as refused:
            return refused.response
        if codes is not None:
            return recovery_codes_page(request, codes, reverse("account_security"))
        error = str(WRONG_SETUP_CODE)
    return setup_page(request, device, error, cancel=reverse("account_security"),
                      required=False)
