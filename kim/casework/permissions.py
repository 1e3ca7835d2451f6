"""Permissions of the case-work app (product.md §3).

Case notes and documents use ``people.restricted:read``/``:write`` of the people app: they
are the same class of restricted data as vulnerabilities.
"""

from django.utils.translation import gettext_lazy as _

from kim.core.permissions.registry import registry

registry.register("casework.caseload:read", _("See caseloads and responsible caseworkers"),
                  roles=["caseworker"])
registry.register("casework.caseload:write", _("Assign responsible caseworkers to households"),
                  roles=["caseworker"])
# product.md also lists housing (moves only) and school office (children only); until
# those object rules exist, only the roles that see the whole timeline get it.
registry.register("casework.appointments:read", _("See appointments and the case timeline"),
                  roles=["caseworker", "benefits"])
registry.register("casework.appointments:write", _("Record and change appointments"),
                  roles=["caseworker"])
registry.register("casework.plan:read", _("See integration plans and gap flags"),
                  roles=["caseworker"])
registry.register("casework.plan:write", _("Record and change integration plans"),
                  roles=["caseworker"])
