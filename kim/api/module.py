"""The REST API (product.md §5.4): personal access tokens and the endpoints under
``/api/v1/<municipality>/``. The endpoints check the permissions the modules declare."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.modules import AuditRules, KimModule, Perm

module = KimModule(
    label="api",
    permissions=[
        Perm("api.tokens:write", _("Create and revoke own API tokens"),
             ("caseworker", "benefits", "housing", "coordinator", "school_office", "provider",
              "volunteer_coordinator", "steering", "admin")),
        Perm("api.changes:read",
             _("Follow the changes feed of the API (which objects changed, not how)"),
             ("caseworker", "benefits", "housing", "coordinator", "steering", "admin")),
    ],
    audit=AuditRules(exempt={
        "api.idempotentrequest": "Stored answer of a create that is itself audited; "
                                 "replayed only to the same user.",
    }),
    public_modules=["kim.api.conf"],  # DRF settings, read by kim/settings/base.py
)
