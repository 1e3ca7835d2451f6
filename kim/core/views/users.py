"""Municipal user administration (admins): list, create, edit roles, reset password."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kim.core.domain import users as domain
from kim.core.forms.users import MemberForm, NewMemberForm, PasswordResetForm
from kim.core.http import TenantRequest
from kim.core.models import Membership, Role
from kim.core.views.base import paginate, tenant_redirect, tenant_view


@tenant_view("core.users:read", list_view=True)
def user_list(request: TenantRequest) -> HttpResponse:
    page = paginate(request, domain.members(request.municipality))
    return render(request, "core/users/list.html", {"page": page})


@tenant_view("core.users:write")
def user_create(request: TenantRequest) -> HttpResponse:
    form = NewMemberForm(request.POST or None, roles=Role.objects.all())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            domain.create_member(
                request.municipality,
                username=data["username"], password=data["password"], roles=data["roles"],
                first_name=data["first_name"], last_name=data["last_name"], email=data["email"],
            )
        except ValidationError as exc:
            form.add_error("password", exc)
        else:
            messages.success(request, _("User %(name)s was created.") % {"name": data["username"]})
            return tenant_redirect(request, "core:user_list")
    return render(request, "core/users/form.html", {"form": form, "creating": True})


def _memberships():  # type: ignore[no-untyped-def]
    return Membership.objects.select_related("user")


@tenant_view("core.users:write", obj=_memberships)
def user_edit(request: TenantRequest, membership: Membership) -> HttpResponse:
    user = membership.user
    initial = {"first_name": user.first_name, "last_name": user.last_name, "email": user.email,
               "is_active": membership.is_active, "roles": membership.roles.all()}
    form = MemberForm(request.POST or None, initial=initial, roles=Role.objects.all())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if membership.user_id == request.user.pk and not data["is_active"]:
            form.add_error("is_active", _("You cannot deactivate your own access."))
        else:
            domain.update_member(membership, first_name=data["first_name"],
                                 last_name=data["last_name"], email=data["email"],
                                 is_active=data["is_active"], roles=data["roles"])
            messages.success(request, _("Changes to %(name)s were saved.") % {"name": user})
            return tenant_redirect(request, "core:user_list")
    return render(request, "core/users/form.html",
                  {"form": form, "creating": False, "membership": membership})


@tenant_view("core.users:write", obj=_memberships)
def user_password(request: TenantRequest, membership: Membership) -> HttpResponse:
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            domain.reset_password(membership, form.cleaned_data["password"])
        except ValidationError as exc:
            form.add_error("password", exc)
        else:
            messages.success(request, _("A one-time password was set for %(name)s.")
                             % {"name": membership.user})
            return tenant_redirect(request, "core:user_list")
    return render(request, "core/users/password.html", {"form": form, "membership": membership})
