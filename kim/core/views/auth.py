"""Login in up to two steps, logout and password change.

1. ``LoginView``: user name and password, throttled (kim/core/domain/throttle.py). A user
   without a second factor who needs none is logged in.
2. Otherwise the password step leaves only a *pending* login in the (anonymous) session:
   the user id, the password hash's fingerprint and a time stamp – no session of the
   user exists yet. ``login_verify`` asks for the code of the app or a recovery code;
   ``login_setup`` sets up the app first when the policy requires one and there is none.
   Only then ``complete_login`` creates the session.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache

from kim.core.domain import throttle, twofactor
from kim.core.domain.platform import only_in_inactive_towns
from kim.core.models import User

T = TypeVar("T")
PENDING = "kim_pending_login"
PENDING_SECONDS = 300


def throttled(request: HttpRequest, seconds: int) -> HttpResponse:
    """429 with Retry-After and a page that says how long to wait."""
    if seconds >= 120:
        minutes = (seconds + 59) // 60
        wait = ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    else:
        wait = ngettext("%(n)d second", "%(n)d seconds", seconds) % {"n": seconds}
    response = render(request, "core/auth/throttled.html", {"wait": wait}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def _attempt(request: HttpRequest, username: str) -> throttle.Attempt:
    return throttle.attempt(request, username)


@method_decorator(never_cache, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "core/auth/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.attempt = _attempt(request, str(request.POST.get("username", "")))
        wait = throttle.retry_after(self.attempt)
        if wait:  # not even checked: guessing during the delay is pointless
            return throttled(request, wait)
        return super().post(request, *args, **kwargs)  # type: ignore[no-any-return]

    def form_invalid(self, form: Any) -> HttpResponse:
        wait = throttle.failure(self.attempt)
        if wait:
            return throttled(self.request, wait)
        return super().form_invalid(form)  # type: ignore[no-any-return]

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if only_in_inactive_towns(user):  # the operator deactivated its municipality
            form.add_error(None, _("Access to kim is switched off for your municipality. "
                                   "Please ask your administration."))
            return self.render_to_response(self.get_context_data(form=form,
                                                                 switched_off=True))
        next_url = self.get_success_url()
        if twofactor.has_second_factor(user) or twofactor.is_required(user):
            _start_pending(self.request, user, next_url)
            step = "login_verify" if twofactor.has_second_factor(user) else "login_setup"
            return redirect(step)
        return complete_login(self.request, user, next_url, self.attempt)


def _start_pending(request: HttpRequest, user: User, next_url: str) -> None:
    request.session.cycle_key()  # a fresh key: nothing from before the password step
    request.session[PENDING] = {"user": user.pk, "hash": user.get_session_auth_hash(),
                                "since": time.time(), "next": next_url,
                                "backend": getattr(user, "backend", "")}


def pending_user(request: HttpRequest) -> tuple[User, dict[str, Any]] | None:
    """The user whose password was right in this session in the last five minutes."""
    data = request.session.get(PENDING)
    if not isinstance(data, dict) or time.time() - data.get("since", 0) > PENDING_SECONDS:
        return None
    user = User.objects.filter(pk=data.get("user"), is_active=True).first()
    if user is None or user.get_session_auth_hash() != data.get("hash"):
        return None
    return user, data


def complete_login(request: HttpRequest, user: User, next_url: str,
                   attempt: throttle.Attempt, second_factor: str = "") -> HttpResponse:
    """Create the session and redirect to ``next_url``: the audit's login entry says how,
    and after how many failures; this browser becomes known for the account (throttle
    budgets)."""
    request.kim_login = {"second factor": second_factor or None,  # type: ignore[attr-defined]
                         "failures before": throttle.failures_before(attempt)}
    request.session.pop(PENDING, None)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    throttle.success(attempt)
    response = HttpResponseRedirect(next_url or reverse("home"))
    throttle.remember_device(request, response, user.get_username())
    return response


class Refused(Exception):
    """The attempt must wait: ``response`` is the 429 to answer with."""

    def __init__(self, response: HttpResponse) -> None:
        self.response = response


def checked(request: HttpRequest, attempt: throttle.Attempt,
            check: Callable[[str], T | None]) -> T | None:
    """Run ``check`` on the posted code unless the attempt must wait; a failure counts
    against the attempt's budgets. Raises :class:`Refused` with the 429 to answer."""
    wait = throttle.retry_after(attempt)
    if wait:
        raise Refused(throttled(request, wait))
    result = check(str(request.POST.get("code", ""))[:64])
    if result is None:
        wait = throttle.failure(attempt)
        if wait:
            raise Refused(throttled(request, wait))
    return result


WRONG_SETUP_CODE = gettext_lazy("The code is not right. Check that the time on your phone "
                                "is correct and enter the code the app shows now.")


@never_cache
def login_verify(request: HttpRequest) -> HttpResponse:
    """Step 2 for a user with a second factor: the app's code or a recovery code."""
    pending = pending_user(request)
    if pending is None:
        return redirect("login")
    user, data = pending
    if not twofactor.has_second_factor(user):
        return redirect("login_setup")
    attempt = _attempt(request, user.get_username())
    error = ""
    if request.method == "POST":
        try:
            method = checked(request, attempt, lambda code: twofactor.verify(user, code))
        except Refused as refused:
            return refused.response
        if method is not None:
            if method == "recovery":
                left = twofactor.remaining_codes(user)
                messages.warning(request, ngettext(
                    "You logged in with a recovery code. %(n)d code is left; create new "
                    "ones under “Security”.",
                    "You logged in with a recovery code. %(n)d codes are left; create new "
                    "ones under “Security”.", left) % {"n": left})
            return complete_login(request, user, data.get("next", ""), attempt, method)
        error = _("The code is not right. Please try again with the current code from "
                  "your app, or with one of your recovery codes.")
    return render(request, "core/auth/verify.html", {"error": error}, status=200)


@never_cache
def login_setup(request: HttpRequest) -> HttpResponse:
    """Step 2 for a user who must use a second factor and has none: set up the app."""
    pending = pending_user(request)
    if pending is None:
        return redirect("login")
    user, data = pending
    if twofactor.has_second_factor(user):
        return redirect("login_verify")
    attempt = _attempt(request, user.get_username())
    device = twofactor.pending_device(user)
    error = ""
    if request.method == "POST":
        try:
            codes = checked(request, attempt, lambda code: twofactor.confirm(device, code))
        except Refused as refused:
            return refused.response
        if codes is not None:
            done = complete_login(request, user, data.get("next", ""), attempt, "totp")
            page = recovery_codes_page(request, codes, done["Location"])  # now logged in
            page.cookies.update(done.cookies)  # the known-browser cookie
            return page
        error = str(WRONG_SETUP_CODE)
    return setup_page(request, device, error, cancel=reverse("login"), required=True)


def setup_page(request: HttpRequest, device: Any, error: str, *, cancel: str,
               required: bool) -> HttpResponse:
    return render(request, "core/auth/setup.html", {
        "qr": twofactor.qr_data_uri(device), "secret": twofactor.secret_text(device),
        "error": error, "cancel_url": cancel, "required": required})


def recovery_codes_page(request: HttpRequest, codes: list[str], next_url: str) -> HttpResponse:
    """The new recovery codes, shown this once (only their hashes are stored)."""
    response = render(request, "core/auth/recovery_codes.html",
                      {"codes": codes, "next_url": next_url})
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
    return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "core/auth/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response: HttpResponse = super().form_valid(form)
        user = form.user
        if user.must_change_password:
            user.must_change_password = False
            user.save(update_fields=["must_change_password"])
        messages.success(self.request, _("Your password was changed."))
        return response
