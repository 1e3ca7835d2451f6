"""Permissions of the accommodation app (product.md §3: "accommodation & stays" – housing
W, caseworker and benefits R, coordinator and steering A; incidents: housing and case work).

Coordinator and steering hold none of these: they see the occupancy reports as
disclosure-controlled aggregates through ``reports.aggregates:read``.
"""

from django.utils.translation import gettext_lazy as _

from kim.core.permissions.registry import registry

READERS = ["housing", "caseworker", "benefits"]

registry.register("housing.facilities:read", _("See facilities, units, places and occupancy"),
                  roles=READERS)
registry.register("housing.facilities:write",
                  _("Record facilities, units and places; block places; state facility counts"),
                  roles=["housing"])
registry.register("housing.stays:read",
                  _("See who lives where, three-phase hints and Fehlbeleger"), roles=READERS)
registry.register("housing.stays:write", _("Record move-ins, moves and move-outs"),
                  roles=["housing"])
registry.register("housing.incidents:read", _("See the incident log of facilities"),
                  roles=["housing", "caseworker"])
registry.register("housing.incidents:write", _("Record incidents in facilities"),
                  roles=["housing", "caseworker"])
registry.register("housing.waiting:read",
                  _("See the private-housing waiting list, placement suggestions and "
                    "placements into flats"), roles=READERS)
registry.register("housing.waiting:write",
                  _("Keep the waiting list and its priority order; record placements into "
                    "flats"), roles=["housing"])
