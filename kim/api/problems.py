"""Errors as RFC 9457 problem details (``application/problem+json``).

Validation errors name their field (``errors: [{"field", "message"}]``) or, for files, the
row and column as the web import shows them (``row``, ``column``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response

CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: "Invalid input", 401: "Authentication required", 403: "Forbidden",
    404: "Not found", 405: "Method not allowed", 406: "Not acceptable",
    409: "Conflict", 412: "Precondition failed", 413: "Request too large",
    415: "Unsupported media type", 428: "Precondition required", 429: "Too many requests",
    500: "Server error",
}


def problem(status: int, detail: str = "", errors: Iterable[Mapping[str, Any]] = (),
            **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"type": "about:blank", "title": TITLES.get(status, "Error"),
                            "status": status}
    if detail:
        body["detail"] = str(detail)
    errors = list(errors)
    if errors:
        body["errors"] = errors
    body.update(extra)
    return body


def response(status: int, detail: str = "", errors: Iterable[Mapping[str, Any]] = (),
             **extra: Any) -> JsonResponse:
    """A problem answer outside DRF (middleware, the access wrapper)."""
    resp = JsonResponse(problem(status, detail, errors, **extra), status=status,
                        content_type=CONTENT_TYPE)
    if status == 401:
        resp["WWW-Authenticate"] = 'Bearer realm="kim"'
    return resp


def field_errors(error: ValidationError | Mapping[str, Any]) -> list[dict[str, str]]:
    """``[{"field": name, "message": text}]`` from a Django ValidationError or a form's
    error dict (``None``/``__all__`` become the field ``""``: the whole object)."""
    if isinstance(error, ValidationError):
        items: Mapping[str, Any] = (error.message_dict if hasattr(error, "error_dict")
                                    else {"": error.messages})
    else:
        items = error
    out = []
    for name, messages in items.items():
        field = "" if name in (None, NON_FIELD_ERRORS) else str(name)
        for message in messages if isinstance(messages, list | tuple) else [messages]:
            out.append({"field": field, "message": str(message)})
    return out


class Invalid(exceptions.APIException):
    """A validation failure with field errors, raised inside API views."""

    status_code = 400

    def __init__(self, errors: list[dict[str, Any]], detail: str = "") -> None:
        super().__init__(detail or _("The input is not valid."))
        self.errors = errors


class Precondition(exceptions.APIException):
    def __init__(self, status: int, detail: str) -> None:
        self.status_code = status
        super().__init__(detail)


def _drf_errors(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    if isinstance(detail, dict):
        out: list[dict[str, str]] = []
        for key, value in detail.items():
            name = "" if key == "non_field_errors" else f"{prefix}{key}"
            out.extend(_drf_errors(value, f"{name}." if name else ""))
        return out
    if isinstance(detail, list):
        return [e for item in detail for e in _drf_errors(item, prefix)]
    return [{"field": prefix.rstrip("."), "message": str(detail)}]


def exception_handler(exc: Exception, context: Mapping[str, Any]) -> Response | None:
    """DRF's errors as problem details; nothing unexpected becomes a 500 with a trace."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, ValidationError):
        exc = Invalid(field_errors(exc))
    if not isinstance(exc, exceptions.APIException):
        return None
    status = exc.status_code
    if isinstance(exc, Invalid):
        body = problem(status, str(exc.detail), exc.errors)
    elif isinstance(exc, exceptions.ValidationError):
        body = problem(status, _("The input is not valid."), _drf_errors(exc.detail))
    elif isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        status = 401
        body = problem(status, str(exc.detail))
    else:
        body = problem(status, str(exc.detail))
    headers = {}
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="kim"'
    if isinstance(exc, exceptions.Throttled) and exc.wait:
        headers["Retry-After"] = str(int(exc.wait))
    return Response(body, status=status, headers=headers, content_type=CONTENT_TYPE)
