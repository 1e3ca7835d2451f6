"""Permissions of the allocation and quota app.

The Land statistics are public aggregate figures; housing officers keep them up to date
(imports, forecast assumptions), the case roles read them. The arrivals register counts the
municipality's own persons, so it goes to the roles that see person master data. Steering
sees both only as the disclosure-controlled reports (``reports.aggregates:read``).
"""

from django.utils.translation import gettext_lazy as _

from kim.core.permissions.registry import registry

registry.register("quota.statistics:read",
                  _("See the Land's distribution statistics, quota history and forecast"),
                  roles=["caseworker", "benefits", "housing"])
registry.register("quota.statistics:write",
                  _("Import the Land's distribution statistics and set forecast assumptions"),
                  roles=["housing"])
registry.register("quota.arrivals:read",
                  _("See the arrivals register (assignments by country of origin)"),
                  roles=["caseworker", "benefits", "housing"])
