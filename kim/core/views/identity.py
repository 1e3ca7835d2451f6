"""Identity changes of shared accounts: a town's admin sees the requests of other towns
that wait for this town's decision and decides them; the platform operator sees and
decides every open request (kim/core/domain/identity.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kim.core.domain import identity
from kim.core.http import TenantRequest
from kim.core.models import IdentityApproval, IdentityChange
from kim.core.views.base import global_view, paginate, tenant_redirect, tenant_view


def _approvals():  # type: ignore[no-untyped-def]
    return IdentityApproval.objects.select_related("change__user", "change__requested_in",
                                                   "change__requested_by")


def _outcome(request: HttpRequest, change: IdentityChange, approve: bool) -> None:
    if change.status == IdentityChange.Status.APPLIED:
        messages.success(request, _("Approved. The change was applied to %(name)s.")
                         % {"name": change.user})
    elif approve:
        messages.success(request, _("Approved. The change is applied when every other "
                                    "municipality of the account has approved it."))
    else:
        messages.success(request, _("Rejected. The change will not be applied."))


@tenant_view("core.users:read", list_view=True)
def identity_list(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    return render(request, "core/users/identity_list.html", {
        "waiting": list(identity.open_approvals(town)),
        "page": paginate(request, identity.requested_in(town)),
    })


@tenant_view("core.users:write", obj=_approvals)
def identity_decide(request: TenantRequest, approval: IdentityApproval) -> HttpResponse:
    change = approval.change
    error = ""
    if request.method == "POST" and request.POST.get("decision") in ("approve", "reject"):
        approve = request.POST["decision"] == "approve"
        try:
            change = identity.decide(approval, request.user, approve)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            _outcome(request, change, approve)
            return tenant_redirect(request, "core:user_identity_list")
    return render(request, "core/users/identity_decide.html", {
        "approval": approval, "change": change, "error": error,
        "open": approval.decision == IdentityApproval.Decision.PENDING
        and change.status == IdentityChange.Status.PENDING})


def _operator(request: HttpRequest) -> None:
    if not request.user.is_superuser:
        raise Http404("Platform operators only")


@global_view("operator")
@never_cache
@login_required
def platform_identity_list(request: HttpRequest) -> HttpResponse:
    _operator(request)
    return render(request, "core/platform/identity_list.html",
                  {"page": paginate(request, identity.pending_changes())})


@global_view("operator")
@never_cache
@login_required
def platform_identity_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _operator(request)
    change = identity.pending_changes().filter(pk=pk).first()
    if change is None:
        raise Http404("No open request")
    if request.method == "POST" and request.POST.get("decision") in ("approve", "reject"):
        approve = request.POST["decision"] == "approve"
        try:
            change = identity.decide_as_operator(change, request.user,  # type: ignore[arg-type]
                                                 approve)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            _outcome(request, change, approve)
        return redirect("platform_identity_list")
    return render(request, "core/platform/identity_decide.html", {"change": change})
