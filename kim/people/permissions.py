"""Permissions of the people app (product.md §3)."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.permissions.registry import registry


def _is_child(user: Any, obj: Any, municipality: Any) -> bool:
    from kim.people.domain.children import is_minor  # models are not ready at import time

    return is_minor(obj, timezone.localdate())


registry.register("people.persons:read", _("See person master data"),
                  roles=["caseworker", "benefits", "housing"])
registry.register("people.children:read", _("See the master data of children and youths"),
                  roles=["school_office"], predicate=_is_child)
registry.register("people.persons:write", _("Record and change person master data"),
                  roles=["caseworker", "benefits"])
registry.register("people.status:read", _("See legal status and the derived decisions"),
                  roles=["caseworker", "benefits", "housing"])
registry.register("people.status:write", _("Record legal status"),
                  roles=["caseworker", "benefits"])
registry.register("people.restricted:read",
                  _("See vulnerabilities, case notes and documents (every read is logged)"),
                  roles=["caseworker"])
registry.register("people.restricted:write",
                  _("Record vulnerabilities, case notes and documents"), roles=["caseworker"])
registry.register("people.import:write", _("Import persons from a file"),
                  roles=["caseworker", "benefits"])
