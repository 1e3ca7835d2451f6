"""DRF authentication: the token the ApiMiddleware verified (the browser's session is DRF's
SessionAuthentication, with its CSRF check for writes)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication
from rest_framework.request import Request


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        token = getattr(request._request, "kim_api_token", None)
        if token is None:
            return None
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="kim"'


class TokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "kim.api.auth.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer",
                "description": "Personal access token (kim_…), per user and municipality"}
