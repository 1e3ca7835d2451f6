"""Municipal user administration (admins): list, create, edit roles, reset password or
second factor. Identity changes of an account that also serves other towns become
requests (kim/core/domain/identity.py); roles that read special categories need a second
admin's approval (kim/core/domain/grants.py)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kim.core.domain import grants, identity, twofactor
from kim.core.domain import users as domain
from kim.core.domain.roles import role_label
from kim.core.forms.users import MemberForm, NewMemberForm, PasswordResetForm, UserFilterForm
from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.models import IdentityChange, Membership, Role, RoleGrant
from kim.core.views.base import tenant_redirect, tenant_view

REQUESTED = gettext_lazy("The change was requested. The account also works for other "
              "municipalities: it takes effect when their administration, or the platform "
              "operator, has approved it.")
REQUESTED_SECOND = gettext_lazy(
    "The change was requested. The account reads special categories of personal data: it "
    "takes effect when a second administrator of this municipality (or the platform "
    "operator), and the administrations of other municipalities of the account, have "
    "approved it.")


def _requested(request: TenantRequest, change: IdentityChange) -> None:
    second = identity.waits_for_second_admin(change)
    messages.info(request, str(REQUESTED_SECOND if second else REQUESTED))


USERS = Listing("benutzer", [
    Column("name", gettext_lazy("Name"), value=lambda m: m.user.get_full_name(),
           sort=("user__last_name", "user__first_name")),
    Column("username", gettext_lazy("User name"), value=lambda m: m.user.username,
           sort="user__username"),
    Column("roles", gettext_lazy("Roles"),
           value=lambda m: ", ".join(role_label(r) for r in m.roles.all())),
    Column("access", gettext_lazy("Access"), sort="-is_active", value=lambda m: (
        gettext_lazy("active") if m.is_active else gettext_lazy("deactivated"))),
    Column("actions", gettext_lazy("Actions"), export=False),
], default="name")


@tenant_view("core.users:read", list_view=True)
def user_list(request: TenantRequest) -> HttpResponse:
    form = UserFilterForm(request.GET or None, roles=Role.objects.all())
    data = form.cleaned_data if form.is_valid() else {}
    table = USERS.run(request, domain.filter_members(
        domain.members(request.municipality), data.get("q", ""), data.get("role")))
    if table.response:
        return table.response
    table.caption = ngettext(
        "%(counter)s user with access to %(municipality)s",
        "%(counter)s users with access to %(municipality)s", table.page.paginator.count) % {
            "counter": table.page.paginator.count, "municipality": request.municipality}
    return render(request, "core/users/list.html", {
        "table": table, "form": form,
        "open_requests": identity.open_approvals(request.municipality).count(),
        "pending_count": grants.pending(request.municipality).count()})


@tenant_view("core.users:write")
def user_create(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    form = NewMemberForm(request.POST or None, roles=Role.objects.all(), municipality=town)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = domain.create_member(
                town, username=data["username"], password=data["password"],
                roles=data["roles"], first_name=data["first_name"],
                last_name=data["last_name"], email=data["email"], requested_by=request.user)
        except ValidationError as exc:
            form.add_error("password", exc)
        else:
            messages.success(request, _("User %(name)s was created.")
                             % {"name": data["username"]})
            _announce_pending(request, grants.pending_roles(membership))
            return tenant_redirect(request, "core:user_list")
    return render(request, "core/users/form.html",
                  {"form": form, "creating": True, "waiting": []})


def _memberships():  # type: ignore[no-untyped-def]
    return Membership.objects.select_related("user")


def _shared(membership: Membership) -> bool:
    return identity.is_shared(membership.user, membership.municipality)


def _second_admin(membership: Membership) -> bool:
    return identity.reads_special_categories(membership.user, membership.municipality)


@tenant_view("core.users:write", obj=_memberships)
def user_edit(request: TenantRequest, membership: Membership) -> HttpResponse:
    user = membership.user
    waiting = grants.pending_roles(membership)
    initial = {"first_name": user.first_name, "last_name": user.last_name, "email": user.email,
               "is_active": membership.is_active,
               "roles": [*membership.roles.all(), *waiting]}
    form = MemberForm(request.POST or None, initial=initial, roles=Role.objects.all())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if membership.user_id == request.user.pk and not data["is_active"]:
            form.add_error("is_active", _("You cannot deactivate your own access."))
        else:
            try:
                change = domain.update_member(
                    membership, first_name=data["first_name"], last_name=data["last_name"],
                    email=data["email"], is_active=data["is_active"], roles=data["roles"],
                    by=request.user)
            except ValidationError as exc:
                form.add_error("email", exc)
            else:
                messages.success(request, _("Changes to %(name)s were saved.") % {"name": user})
                if change is not None:
                    messages.info(request, str(REQUESTED))
                _announce_pending(request, grants.pending_roles(membership))
                return tenant_redirect(request, "core:user_list")
    return render(request, "core/users/form.html",
                  {"form": form, "creating": False, "membership": membership,
                   "shared": _shared(membership),
                   "has_second_factor": twofactor.has_second_factor(user),
                   "waiting": [role_label(r) for r in waiting]})


@tenant_view("core.users:write", obj=_memberships)
def user_password(request: TenantRequest, membership: Membership) -> HttpResponse:
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            change = domain.reset_password(membership, form.cleaned_data["password"],
                                           by=request.user)
        except ValidationError as exc:
            form.add_error("password", exc)
        else:
            if change is None:
                messages.success(request, _("A one-time password was set for %(name)s.")
                                 % {"name": membership.user})
            else:
                _requested(request, change)
            return tenant_redirect(request, "core:user_list")
    return render(request, "core/users/password.html",
                  {"form": form, "membership": membership, "shared": _shared(membership),
                   "second_admin": _second_admin(membership)})


@tenant_view("core.users:write", obj=_memberships)
def user_two_factor(request: TenantRequest, membership: Membership) -> HttpResponse:
    """Reset a user's second factor (lost phone): after a confirmation page."""
    if request.method == "POST":
        change = domain.reset_second_factor(membership, request.user)
        if change is None:
            messages.success(request, _("The second factor of %(name)s was reset. They set "
                                        "up a new one at their next login.")
                             % {"name": membership.user})
        else:
            _requested(request, change)
        return tenant_redirect(request, "core:user_edit", pk=membership.pk)
    return render(request, "core/users/two_factor.html", {
        "membership": membership, "shared": _shared(membership),
        "second_admin": _second_admin(membership),
        "has_second_factor": twofactor.has_second_factor(membership.user),
        "pending": IdentityChange.objects.filter(
            user=membership.user, kind=IdentityChange.Kind.TWO_FACTOR,
            status=IdentityChange.Status.PENDING).exists()})


def _announce_pending(request: TenantRequest, roles: list[Role]) -> None:
    if roles:
        messages.info(request, _(
            "Awaiting approval: %(roles)s. These roles read special categories of personal "
            "data and take effect when another administrator approves them.")
            % {"roles": ", ".join(role_label(r) for r in roles)})


@tenant_view("core.users:read", list_view=True)
def grant_list(request: TenantRequest) -> HttpResponse:
    return render(request, "core/users/grants.html", {
        "pending": grants.pending(request.municipality),
        "decided": grants.recent_decisions(request.municipality)})


def _pending_grants():  # type: ignore[no-untyped-def]
    return RoleGrant.objects.filter(status=RoleGrant.Status.PENDING).select_related(
        "membership__user", "role", "requested_by")


@tenant_view("core.users:write", obj=_pending_grants)
def grant_decide(request: TenantRequest, grant: RoleGrant) -> HttpResponse:
    """Approve or reject one request (POST ``decision``); GET shows what is asked."""
    error = ""
    if request.method == "POST":
        decision = request.POST.get("decision")
        try:
            if decision == "approve":
                grants.approve(grant, request.user)
                messages.success(request, _("Approved: %(user)s now holds the role "
                                            "%(role)s.") % {"user": grant.membership.user,
                                                            "role": role_label(grant.role)})
            elif decision == "reject":
                grants.reject(grant, request.user)
                messages.success(request, _("The request was stopped."))
            else:
                raise ValidationError(_("Choose to approve or to reject the request."))
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            return tenant_redirect(request, "core:grant_list")
    return render(request, "core/users/grant_decide.html", {
        "grant": grant, "role": role_label(grant.role), "error": error,
        "own": request.user.pk in (grant.requested_by_id, grant.membership.user_id)})


