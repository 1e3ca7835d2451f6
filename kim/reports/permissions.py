"""Permissions of the reports app.

``reports.aggregates:read`` is the aggregate-only audience of product.md §3: the roles with
an ``A`` in the matrix (steering everywhere; coordinator for accommodation and education;
caseworker, benefits, housing and school office for monitoring). Reports shown to them are
always disclosure-controlled.
"""

from django.utils.translation import gettext_lazy as _

from kim.core.permissions.registry import registry

registry.register(
    "reports.aggregates:read",
    _("See reports as privacy-safe aggregates (small numbers hidden)"),
    roles=["steering", "coordinator", "caseworker", "benefits", "housing", "school_office"],
)
