"""``POST /persons/bulk``: the person import of the web (kim.people.importers) – the same
columns, checks, all-or-nothing write and row errors – with the file as the request body
(CSV or XLSX) or JSON rows keyed by the import's column keys."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from kim.api.views.base import WRITE_ERRORS, ApiView
from kim.api.views.rows import MAX_ROWS_JSON, FileParser, row_problems, uploaded
from kim.people.importers.columns import COLUMNS
from kim.people.importers.persons import import_persons


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


class PersonBulk(ApiView):
    parser_classes = [JSONParser, FileParser]

    @extend_schema(
        operation_id="persons_bulk", request={"application/json": BulkInput},
        parameters=[OpenApiParameter("dry_run", bool, description="Check only, write nothing")],
        responses={200: BulkResult, **WRITE_ERRORS})
    def post(self, request: Request) -> Response:
        dry_run = request.query_params.get("dry_run", "").lower() in ("1", "true", "yes")
        raw, filename, json_rows = uploaded(request, {c.key for c in COLUMNS})
        result = import_persons(request.municipality, raw, filename, dry_run=dry_run)
        if result.errors:
            raise row_problems(result.errors, json_rows)
        return Response({
            "rows": result.rows, "created": result.created, "updated": result.updated,
            "written": result.written,
            "duplicates": [{"row": row, "person": m.person_id if m.person_id > 0 else None,
                            "file_row": m.file_row, "score": round(m.score, 3)}
                           for row, m in result.duplicates]})
