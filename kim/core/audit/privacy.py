"""What the audit log may keep and show about the people kim serves.

Two declarations of the modules (``AuditRules``) decide it:

- ``restricted`` – special categories (vulnerabilities, notes, documents, incidents): the
  log keeps no values of their fields (only that they changed, and the links to person or
  household), and shows even that only to holders of the declared permission.
- ``personal`` – other personal data (persons, statuses, stays …): the log keeps no object
  names, and shows object and changes only to holders of the declared permission.

Everybody else with ``core.audit:read`` (the admin) sees who did what to which kind of
object and when – not whose data or what. ``core.audit:read_details`` (held by no default
role; for the data protection officer, granted with a second admin's approval) shows the
details of every entry.
"""

from __future__ import annotations

from typing import Any

from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm
from kim.core.permissions.registry import registry

READ_DETAILS = "core.audit:read_details"


def detail_permission(model_label: str) -> str | None:
    """The permission needed to see the details of entries about ``model_label``; None:
    anybody who may read the log."""
    label = model_label.lower()
    return modules.restricted_models().get(label) or modules.personal_models().get(label)


def is_restricted(model_label: str) -> bool:
    return model_label.lower() in modules.restricted_models()


def is_personal(model_label: str) -> bool:
    return detail_permission(model_label) is not None


def special_permissions() -> frozenset[str]:
    """Permissions that read special-category data: those named in any module's
    ``AuditRules.restricted`` and those declared ``special`` (e.g. reading every detail of
    the audit log). Granting a role that holds one needs a second admin's approval."""
    named = set(modules.restricted_models().values())
    return frozenset(named | {p.name for p in registry if p.special})


def hidden_models(user: Any, municipality: Any) -> frozenset[str]:
    """Model labels whose audit details ``user`` may not see in ``municipality``."""
    if has_perm(user, READ_DETAILS, municipality):
        return frozenset()
    guarded = {**modules.personal_models(), **modules.restricted_models()}
    return frozenset(label for label, perm in guarded.items()
                     if not has_perm(user, perm, municipality))
