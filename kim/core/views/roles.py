"""Roles: default bundles (read-only) and custom roles composed from the registry."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kim.core.domain.roles import role_label, save_custom_role
from kim.core.forms.roles import RoleForm
from kim.core.models import Role
from kim.core.permissions.registry import registry
from kim.core.views.base import permission_required


@permission_required("core.roles:read")
def role_list(request: HttpRequest, municipality: str) -> HttpResponse:
    roles = [{"role": r, "label": role_label(r), "count": len(r.permissions)}
             for r in Role.objects.all()]
    roles.sort(key=lambda r: (r["role"].builtin == "", str(r["label"])))
    return render(request, "core/roles/list.html", {"roles": roles})


@permission_required("core.roles:read")
def role_detail(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    role = get_object_or_404(Role, pk=pk)
    perms = [p for p in registry if p.name in role.permissions]
    return render(request, "core/roles/detail.html",
                  {"role": role, "label": role_label(role), "permissions": perms})


def _save(request: HttpRequest, municipality: str, role: Role | None) -> HttpResponse:
    initial = {}
    if role is not None:
        initial = {"name": role.name, "description": role.description,
                   "permissions": role.custom_permissions}
    form = RoleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            role = save_custom_role(request.municipality,  # type: ignore[attr-defined]
                                    name=data["name"], description=data["description"],
                                    permissions=data["permissions"], role=role)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            messages.success(request, _("Role %(name)s was saved.") % {"name": role.name})
            return redirect("core:role_detail", municipality=municipality, pk=role.pk)
    return render(request, "core/roles/form.html", {"form": form, "role": role})


@permission_required("core.roles:write")
def role_create(request: HttpRequest, municipality: str) -> HttpResponse:
    return _save(request, municipality, None)


@permission_required("core.roles:write")
def role_edit(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    role = get_object_or_404(Role, pk=pk, builtin="")
    return _save(request, municipality, role)
