"""Roles: default bundles (read-only) and custom roles composed from the registry."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kim.core.domain.roles import role_label, save_custom_role
from kim.core.forms.roles import RoleForm
from kim.core.http import TenantRequest
from kim.core.models import Role
from kim.core.permissions.registry import registry
from kim.core.views.base import add_errors, tenant_redirect, tenant_view


@tenant_view("core.roles:read", list_view=True)
def role_list(request: TenantRequest) -> HttpResponse:
    roles = [{"role": r, "label": role_label(r), "count": len(r.permissions)}
             for r in Role.objects.all()]
    roles.sort(key=lambda r: (r["role"].builtin == "", str(r["label"])))
    return render(request, "core/roles/list.html", {"roles": roles})


@tenant_view("core.roles:read", obj=Role)
def role_detail(request: TenantRequest, role: Role) -> HttpResponse:
    perms = [p for p in registry if p.name in role.permissions]
    return render(request, "core/roles/detail.html",
                  {"role": role, "label": role_label(role), "permissions": perms})


def _save(request: TenantRequest, role: Role | None) -> HttpResponse:
    initial = {}
    if role is not None:
        initial = {"name": role.name, "description": role.description,
                   "permissions": role.custom_permissions}
    form = RoleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            role = save_custom_role(request.municipality, name=data["name"],
                                    description=data["description"],
                                    permissions=data["permissions"], role=role)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Role %(name)s was saved.") % {"name": role.name})
            return tenant_redirect(request, "core:role_detail", pk=role.pk)
    return render(request, "core/roles/form.html", {"form": form, "role": role})


@tenant_view("core.roles:write")
def role_create(request: TenantRequest) -> HttpResponse:
    return _save(request, None)


@tenant_view("core.roles:write", obj=lambda: Role.objects.filter(builtin=""))
def role_edit(request: TenantRequest, role: Role) -> HttpResponse:
    return _save(request, role)
