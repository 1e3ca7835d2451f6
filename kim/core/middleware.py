"""Request id, forced password change, and the tenant scope of each request."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_scopes import scope, scopes_disabled

from kim.core.audit.context import audit_context
from kim.core.permissions.check import remember

Handler = Callable[[HttpRequest], HttpResponse]
_REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,32}$")


class RequestIdMiddleware:
    """Gives each request an id (or keeps a sane one from the proxy) for logs and audit."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex  # type: ignore[attr-defined]
        with audit_context(request=request, request_id=request.id):  # type: ignore[attr-defined]
            response = self.get_response(request)
        response["X-Request-ID"] = request.id  # type: ignore[attr-defined]
        return response


class PasswordChangeRequiredMiddleware:
    """A user with an initial password set by an admin must choose their own first."""

    allowed_names = {"password_change", "password_change_done", "logout", "set_language"}

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and getattr(user, "must_change_password", False):
            try:
                name = resolve(request.path_info).url_name
            except Resolver404:
                name = None
            if name not in self.allowed_names and not request.path.startswith("/static/"):
                return redirect("password_change")
        return self.get_response(request)


class TenantMiddleware:
    """Opens the municipality scope for URLs that start with ``/<municipality>/``.

    Anonymous users are sent to the login page; a user without an active membership in
    that municipality gets 404, exactly as if it did not exist. Views a module declared
    public (``public_view``) are open to anyone while the municipality is active, with no
    membership (``request.membership`` is None). Everything else runs with no scope at
    all, so any tenant-owned query outside a municipality URL raises.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        slug = match.kwargs.get("municipality")
        if slug is None:
            return self.get_response(request)

        from kim.core.models import Membership, Municipality

        membership = None
        if getattr(match.func, "kim_public", False):
            with scopes_disabled():
                municipality = Municipality.objects.filter(slug=slug, is_active=True).first()
            if municipality is None:
                raise Http404("No such municipality")
        else:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("login"))
            with scopes_disabled():
                membership = (
                    Membership.objects.select_related("municipality")
                    .prefetch_related("roles")
                    .filter(user=request.user, municipality__slug=slug, is_active=True,
                            municipality__is_active=True)
                    .first()
                )
            if membership is None:
                raise Http404("No such municipality")
            remember(request.user, membership)
            municipality = membership.municipality
        request.municipality = municipality  # type: ignore[attr-defined]
        request.membership = membership  # type: ignore[attr-defined]
        # Responses are rendered inside this block. Streaming responses are not: a view
        # that streams must fetch its rows before returning.
        with scope(municipality=municipality), audit_context(municipality_id=municipality.pk):
            return self.get_response(request)
