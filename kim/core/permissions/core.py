"""Permissions of the core app."""

from django.utils.translation import gettext_lazy as _

from kim.core.permissions.registry import registry

registry.register("core.users:read", _("See the users of the municipality"), roles=["admin"])
registry.register("core.users:write", _("Create users and assign roles"), roles=["admin"])
registry.register("core.roles:read", _("See roles and their permissions"), roles=["admin"])
registry.register("core.roles:write", _("Create and change custom roles"), roles=["admin"])
registry.register("core.audit:read", _("Read the audit log of the municipality"), roles=["admin"])
