"""``POST /persons/bulk``: the person import of the web (kim.people.importers) – the same
columns, checks, all-or-nothing write and row errors – with the file as the request body
(CSV or XLSX) or JSON rows keyed by the import's column keys."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.parsers import BaseParser, JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from kim.api import problems
from kim.api.views.base import WRITE_ERRORS, ApiView
from kim.people.importers.columns import COLUMNS
from kim.people.importers.persons import import_persons

MAX_ROWS_JSON = 50_000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class FileParser(BaseParser):
    """The body as bytes (CSV or XLSX): the import framework reads and limits it."""

    media_type = "*/*"

    def parse(self, stream: Any, media_type: str | None = None,
              parser_context: Any = None) -> bytes:
        return stream.read() if stream is not None else b""


class BulkInput(serializers.Serializer):  # type: ignore[type-arg]
    rows = serializers.ListField(
        child=serializers.DictField(), max_length=MAX_ROWS_JSON,
        help_text="One object per person, keyed by the import's column keys "
                  f"({', '.join(c.key for c in COLUMNS)}); values as in the import file.")


class DuplicateSerializer(serializers.Serializer):  # type: ignore[type-arg]
    row = serializers.IntegerField()
    person = serializers.IntegerField(allow_null=True, help_text="A stored person")
    file_row = serializers.IntegerField(allow_null=True, help_text="Another row of the input")
    score = serializers.FloatField()


class BulkResult(serializers.Serializer):  # type: ignore[type-arg]
    rows = serializers.IntegerField()
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    written = serializers.BooleanField()
    duplicates = DuplicateSerializer(many=True)


def _csv_of(rows: Any) -> bytes:
    keys = {c.key for c in COLUMNS}
    errors = []
    if not isinstance(rows, list) or not rows:
        raise problems.Invalid([{"field": "rows", "message": _("Send at least one row.")}])
    header: list[str] = []
    for index, row in enumerate(rows, start=2):
        if not isinstance(row, dict):
            errors.append({"row": index, "column": "", "message": _("Send an object.")})
            continue
        for key, value in row.items():
            if key not in keys:
                errors.append({"row": index, "column": str(key),
                               "message": _("Unknown column.")})
            elif isinstance(value, dict | list):
                errors.append({"row": index, "column": key,
                               "message": _("Send a text, number or boolean.")})
            elif key not in header:
                header.append(key)
    if errors:
        raise problems.Invalid(errors[:100])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if row.get(k) is None else
                         ("1" if row[k] is True else "0" if row[k] is False else str(row[k]))
                         for k in header])
    return out.getvalue().encode()


class PersonBulk(ApiView):
    parser_classes = [JSONParser, FileParser]

    @extend_schema(
        operation_id="persons_bulk", request={"application/json": BulkInput},
        parameters=[OpenApiParameter("dry_run", bool, description="Check only, write nothing")],
        responses={200: BulkResult, **WRITE_ERRORS})
    def post(self, request: Request) -> Response:
        dry_run = request.query_params.get("dry_run", "").lower() in ("1", "true", "yes")
        content_type = request.content_type.split(";")[0].strip()
        if content_type == "application/json":
            data = request.data
            if not isinstance(data, dict) or set(data) - {"rows"}:
                raise problems.Invalid([{"field": "rows",
                                         "message": _("Send an object with rows.")}])
            raw, filename = _csv_of(data.get("rows")), "api.csv"
        else:
            raw = request.data if isinstance(request.data, bytes) else b""
            filename = "api.xlsx" if content_type == XLSX else "api.csv"
        result = import_persons(request.municipality, raw, filename, dry_run=dry_run)
        if result.errors:
            index = content_type == "application/json"  # JSON rows: also their position
            raise problems.Invalid(
                [{"row": e.row, "column": e.column, "message": e.translated,
                  **({"index": e.row - 2} if index and e.row > 1 else {})}
                 for e in result.errors[:1000]],
                _("%(n)d problems: nothing was imported.") % {"n": len(result.errors)})
        return Response({
            "rows": result.rows, "created": result.created, "updated": result.updated,
            "written": result.written,
            "duplicates": [{"row": row, "person": m.person_id if m.person_id > 0 else None,
                            "file_row": m.file_row, "score": round(m.score, 3)}
                           for row, m in result.duplicates]})
