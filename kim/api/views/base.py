"""What every API view shares: DRF settings, cursor pagination, ETag/If-Match, idempotent
creates and the web's form validation as problem details."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers
from rest_framework.pagination import CursorPagination
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kim.api import problems
from kim.api.models import IdempotentRequest
from kim.core.views.base import add_errors

MAX_IDEMPOTENCY_KEY = 200


class ProblemSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """RFC 9457 problem details (documentation only)."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField(required=False)
    errors = serializers.ListField(child=serializers.DictField(), required=False)


PROBLEM = OpenApiResponse(ProblemSerializer, description="Problem details (RFC 9457)")
PROBLEM_TYPE = "application/problem+json"


def _problems(*codes: int) -> dict[Any, OpenApiResponse]:
    return {(code, PROBLEM_TYPE): PROBLEM for code in codes}


READ_ERRORS = _problems(400, 401, 403, 404, 405, 406)
WRITE_ERRORS = _problems(400, 401, 403, 404, 405, 406, 409, 412, 415, 428)
IF_MATCH = OpenApiParameter("If-Match", str, OpenApiParameter.HEADER, required=True,
                            description="The ETag of the object as last read.")
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key", str, OpenApiParameter.HEADER, required=False,
    description="Sent again with the same key, the create answers as the first time "
                "instead of creating a second object.")


class ApiView(APIView):
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]


class Cursor(CursorPagination):
    """Stable under inserts: a warehouse can page through a large list while it changes."""

    page_size = 50
    max_page_size = 500
    page_size_query_param = "page_size"
    ordering = "pk"


_PAGED: dict[str, type[serializers.Serializer]] = {}  # type: ignore[type-arg]


def paged(item: type[serializers.Serializer]) -> type[serializers.Serializer]:  # type: ignore[type-arg]
    """The schema of a cursor-paginated list of ``item``."""
    name = f"Paginated{item.__name__.removesuffix('Serializer')}List"
    if name not in _PAGED:
        _PAGED[name] = type(name, (serializers.Serializer,), {
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": item(many=True),
        })
    return _PAGED[name]


def paginate(view: APIView, request: Request, queryset: models.QuerySet[Any],
             serialize: Callable[[list[Any]], Any],
             ordering: str | tuple[str, ...] = "pk") -> Response:
    paginator = Cursor()
    paginator.ordering = ordering
    page = paginator.paginate_queryset(queryset, request, view)
    return paginator.get_paginated_response(serialize(page or []))


def etag(obj: models.Model, *parts: Any) -> str:
    stamp = getattr(obj, "updated_at", None)
    text = "|".join(str(p) for p in (obj._meta.label, obj.pk, stamp, *parts))
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


def require_match(request: Request, current: str) -> None:
    """Refuse a lost update: the client must send the ETag it read (If-Match)."""
    sent = request.headers.get("If-Match", "")
    if not sent:
        raise problems.Precondition(428, _("Send the ETag you read in If-Match."))
    if sent.strip() != current and sent.strip() != "*":
        raise problems.Precondition(
            412, _("The object was changed since you read it: read it again."))


_NUMBER = re.compile(r"[0-9]{1,18}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def whole_number(raw: str) -> int | None:
    """An ASCII whole number (``str.isdigit`` admits "²" and other digits ``int`` refuses)."""
    return int(raw) if _NUMBER.fullmatch(raw) else None


def clean_text(raw: str, field: str) -> str:
    """A query text without control characters (PostgreSQL refuses NUL in a string)."""
    if _CONTROL.search(raw) or len(raw) > 200:
        raise problems.Invalid([{"field": field, "message": _("Enter a text without control "
                                                               "characters.")}])
    return raw


def body(request: Request) -> dict[str, Any]:
    data = request.data
    if not isinstance(data, dict):
        raise problems.Invalid([{"field": "", "message": _("Send a JSON object.")}])
    return data


def form_data(data: Mapping[str, Any], fields: Mapping[str, Callable[[Any], Any]],
              ) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """JSON values converted to what the web form receives; unknown fields are errors."""
    out: dict[str, Any] = {}
    errors = []
    for key, value in data.items():
        if key not in fields:
            errors.append({"field": str(key), "message": _("Unknown field.")})
            continue
        out[key] = fields[key](value)
    return out, errors


def form_errors(form: Any, rename: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    rename = rename or {}
    return [{"field": rename.get(f, "" if f == "__all__" else f), "message": str(m)}
            for f, messages in form.errors.items() for m in messages]


def idempotent(request: Request, create: Callable[[], Response]) -> Response:
    """Run ``create`` once per ``Idempotency-Key`` (and user, municipality)."""
    key = request.headers.get("Idempotency-Key", "")
    if not key:
        return create()
    if len(key) > MAX_IDEMPOTENCY_KEY:
        raise problems.Invalid([{"field": "Idempotency-Key",
                                 "message": _("At most 200 characters.")}])
    town, user_id = request.municipality, request.user.pk
    seen = IdempotentRequest.objects.filter(user_id=user_id, key=key).first()
    if seen is not None:
        if seen.path != request.path:
            raise problems.Precondition(
                409, _("This Idempotency-Key was used for another request."))
        return Response(seen.body, status=seen.status)
    try:
        with transaction.atomic():
            response = create()
            if response.status_code < 300:
                IdempotentRequest.objects.create(
                    municipality=town, user_id=user_id, key=key, path=request.path,
                    status=response.status_code, body=response.data)
    except IntegrityError:  # the same key in parallel: the other request created it
        raise problems.Precondition(
            409, _("A request with this Idempotency-Key is in progress.")) from None
    return response


def run_form(form: Any, action: Callable[[dict[str, Any]], Any],
             rename: Mapping[str, str] | None = None) -> Any:
    """The web's ``run_form`` for the API: validate the page's form, run ``action`` in one
    transaction; a form or domain error becomes a problem naming the field."""
    if not form.is_valid():
        raise problems.Invalid(form_errors(form, rename))
    try:
        with transaction.atomic():
            return action(form.cleaned_data)
    except ValidationError as exc:
        add_errors(form, exc)
        raise problems.Invalid(form_errors(form, rename)) from None


def state_etag(obj: models.Model) -> str:
    """The ETag of a model without ``updated_at``: of all its stored values."""
    return etag(obj, *(getattr(obj, f.attname) for f in obj._meta.concrete_fields))


def scalar(value: Any) -> Any:
    """A JSON value as a web form receives it: text (true/false for booleans); a list or
    an object becomes text the field refuses, naming itself, instead of a server error."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def patch_data(obj: models.Model, fields: list[str], changes: Mapping[str, Any]
               ) -> dict[str, Any]:
    """The form data of an update: the object's current values with the sent changes."""
    from django.forms.models import model_to_dict

    current = {k: scalar(v) for k, v in model_to_dict(obj, fields=fields).items()}
    return {**current, **changes}
