"""The changes feed: what was created, changed or deleted in the municipality, read from
the audit chain, so a data warehouse can sync incrementally (``?since=<position>``).

An entry names the kind of object and its id, never values. Entries about a model whose
audit details need a permission (``AuditRules.personal``/``restricted``) appear only to
holders of it; other models only to holders of ``core.audit:read``. A ``bulk`` entry (an
import) says the model changed in bulk: read its list again.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from kim.api import problems
from kim.api.views.base import READ_ERRORS, ApiView, whole_number
from kim.core.models import AuditEntry
from kim.core.modules.registry import modules
from kim.core.permissions.check import granted

LIMIT = 500
ACTIONS = ("create", "update", "delete", "bulk")


class ChangeSerializer(serializers.Serializer):  # type: ignore[type-arg]
    position = serializers.IntegerField()
    at = serializers.DateTimeField()
    action = serializers.ChoiceField(choices=ACTIONS)
    model = serializers.CharField()
    id = serializers.CharField()


class FeedSerializer(serializers.Serializer):  # type: ignore[type-arg]
    results = ChangeSerializer(many=True)
    next = serializers.IntegerField(help_text="Send as ?since= for the next part")
    more = serializers.BooleanField()


def readable_models(user: Any, municipality: Any) -> tuple[set[str], bool]:
    """(models whose entries the user may see, whether every other model too)."""
    held = granted(user, municipality)
    allowed = set()
    for module in modules:
        for model, perm in {**module.audit.personal, **module.audit.restricted}.items():
            if perm in held:
                allowed.add(model)
    return allowed, "core.audit:read" in held


def declared_models() -> set[str]:
    return {m for module in modules
            for m in {**module.audit.personal, **module.audit.restricted}}


class Changes(ApiView):
    @extend_schema(operation_id="changes_list",
                   parameters=[OpenApiParameter("since", int, description="Last position "
                                                "read (0: from the start)")],
                   responses={200: FeedSerializer, **READ_ERRORS})
    def get(self, request: Request) -> Response:
        since = whole_number(request.query_params.get("since", "0"))
        if since is None:
            raise problems.Invalid([{"field": "since",
                                     "message": _("Enter a position (a whole number).")}])
        allowed, everything = readable_models(request.user, request.municipality)
        qs = AuditEntry.objects.filter(municipality=request.municipality, seq__gt=since,
                                       action__in=ACTIONS)
        if everything:
            qs = qs.exclude(model__in=declared_models() - allowed)
        else:
            qs = qs.filter(model__in=allowed)
        rows = list(qs.order_by("seq").values("seq", "timestamp", "action", "model",
                                              "object_id")[:LIMIT + 1])
        more = len(rows) > LIMIT
        rows = rows[:LIMIT]
        return Response({
            "results": [{"position": r["seq"], "at": r["timestamp"], "action": r["action"],
                         "model": r["model"], "id": r["object_id"]} for r in rows],
            "next": rows[-1]["seq"] if rows else since, "more": more})
