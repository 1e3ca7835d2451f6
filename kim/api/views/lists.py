"""Filtering and ordering of list endpoints, declared once per list: the same declaration
parses the query (naming the parameter in every error) and documents it in the schema."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kim.api import problems
from kim.api.views.base import clean_text, paginate, whole_number

TRUE, FALSE = ("1", "true"), ("0", "false")


@dataclass(frozen=True)
class Filter:
    """``param`` of the query filters ``lookup``; ``kind``: int, date, bool, choice, text."""

    param: str
    lookup: str
    kind: str
    choices: Sequence[str] = ()
    description: str = ""

    def parameter(self) -> OpenApiParameter:
        types: dict[str, Any] = {"int": int, "date": datetime.date, "bool": bool,
                                 "choice": str, "text": str}
        return OpenApiParameter(self.param, types[self.kind], description=self.description,
                                enum=list(self.choices) or None)

    def value(self, raw: str) -> tuple[Any, str]:
        """The value for the lookup, or an error message."""
        if self.kind == "int":
            number = whole_number(raw)
            return (number, "") if number is not None else (None, _("Enter a whole number."))
        if self.kind == "date":
            try:
                day = datetime.date.fromisoformat(raw)
            except ValueError:
                day = None
            if day is None or not 1900 <= day.year <= 2199:
                return None, _("Enter a date (YYYY-MM-DD).")
            return day, ""
        if self.kind == "bool":
            if raw.lower() in TRUE + FALSE:
                return raw.lower() in TRUE, ""
            return None, _("Enter true or false.")
        if self.kind == "choice":
            return (raw, "") if raw in self.choices else (None, _("Unknown value."))
        return clean_text(raw, self.param), ""


@dataclass(frozen=True)
class Listing:
    """The filters and orderings (name → model ordering) of one list endpoint."""

    filters: Sequence[Filter] = ()
    orderings: Mapping[str, str | tuple[str, ...]] | None = None

    def parameters(self) -> list[OpenApiParameter]:
        params = [f.parameter() for f in self.filters]
        if self.orderings:
            params.append(OpenApiParameter("ordering", str, enum=list(self.orderings),
                                           description="Default: the first value"))
        return params

    def respond(self, view: APIView, request: Request, queryset: QuerySet[Any],
                serialize: Callable[[list[Any]], Any]) -> Response:
        """The filtered, ordered page of ``queryset`` (cursor pagination)."""
        params = request.query_params
        errors = []
        for f in self.filters:
            raw = params.get(f.param, "")
            if raw == "":
                continue
            value, message = f.value(raw)
            if message:
                errors.append({"field": f.param, "message": message})
            else:
                queryset = queryset.filter(**{f.lookup: value})
        orderings = self.orderings or {"id": "pk"}
        ordering = params.get("ordering") or next(iter(orderings))
        if ordering not in orderings:
            errors.append({"field": "ordering", "message": _("Unknown ordering.")})
        if errors:
            raise problems.Invalid(errors)
        return paginate(view, request, queryset, serialize, orderings[ordering])


def by_id_and(field: str) -> dict[str, str | tuple[str, ...]]:
    """Orderings by id and by ``field`` (ties broken by id, so the cursor stays stable)."""
    return {"id": "pk", "-id": "-pk", field: (field, "pk"), f"-{field}": (f"-{field}", "-pk")}
