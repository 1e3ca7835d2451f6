"""The REST API (product.md §5.4): personal access tokens and the endpoints under
``/api/v1/<municipality>/``. The endpoints check the permissions the modules declare."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kim.core.modules import AuditRules, KimModule, NavItem, Perm


def _own(user: Any, obj: Any, municipality: Any) -> bool:
    return bool(obj.user_id == user.pk)


def _own_tokens(user: Any, municipality: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
    return queryset.filter(user=user)


module = KimModule(
    label="api",
    permissions=[
        Perm("api.tokens:write", _("Create and revoke own API tokens"),
             ("caseworker", "benefits", "housing", "coordinator", "school_office", "provider",
              "volunteer_coordinator", "steering", "admin"), predicate=_own, scope=_own_tokens),
        Perm("api.changes:read",
             _("Follow the changes feed of the API (which objects changed, not how)"),
             ("caseworker", "benefits", "housing", "coordinator", "steering", "admin")),
    ],
    audit=AuditRules(exempt={
        "api.idempotentrequest": "Stored answer of a create that is itself audited; "
                                 "replayed only to the same user.",
    }),
    navigation=[NavItem("api_tokens", _("API tokens"), "api_web:token_list", "api.tokens:write",
                        950, "api_web:", parent="account")],
    urls="kim.api.web_urls",
    url_prefix="api-tokens/",
    # DRF settings, read by kim/settings/base.py; what modules build their endpoints with
    public_modules=["kim.api.conf", "kim.api.declare", "kim.api.problems",
                    "kim.api.views.base", "kim.api.views.lists", "kim.api.views.rows"],
)
