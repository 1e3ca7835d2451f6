"""Authentication of API requests before the tenant middleware runs.

``Authorization: Bearer kim_…`` sets the token's user for this request (no session, no
CSRF: the browser never sends the header by itself). A token answers only for its own
municipality: another municipality's URL is 404, as for a non-member. Anonymous API
requests get 401 instead of the login redirect of pages, and 403/404 pages below
``/api/`` become problem details.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from kim.api import problems
from kim.api.tokens import lookup

API_PREFIX = "/api/"


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        header = request.headers.get("Authorization", "")
        try:
            slug = resolve(request.path_info).kwargs.get("municipality")
        except Resolver404:
            slug = None
        if header:
            scheme, _sep, raw = header.partition(" ")
            token = lookup(raw.strip()) if scheme.lower() == "bearer" else None
            if token is None:
                return problems.response(401, _("The token is unknown, expired or revoked."))
            request.user = token.user
            request.kim_api_token = token  # type: ignore[attr-defined]
            request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
            if slug is not None and slug != token.municipality.slug:
                return problems.response(404, _("Not found."))
        elif slug is not None and not request.user.is_authenticated:
            return problems.response(401, _("Send a token (Authorization: Bearer …) or log "
                                            "in."))
        response = self.get_response(request)
        if response.status_code in (403, 404, 405) and not response.get(
                "Content-Type", "").startswith(("application/json", problems.CONTENT_TYPE)):
            return problems.response(response.status_code)
        return response
