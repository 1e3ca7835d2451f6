"""The user's own API tokens in a municipality: list, create (shown once), revoke."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kim.api.forms import TokenForm
from kim.api.models import ApiToken
from kim.api.tokens import issue, revoke
from kim.core.http import TenantRequest
from kim.core.views.base import add_errors, tenant_redirect, tenant_view


def _open_tokens() -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(revoked_at=None)


@tenant_view("api.tokens:write", list_view=True)
def token_list(request: TenantRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    new: Any = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = issue(request.user, request.municipality, name=data["name"],
                        access=data["access"], modules=data["modules"], days=data["days"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            form = TokenForm()
    tokens = ApiToken.objects.filter(user=request.user).order_by("-created_at")
    return render(request, "api/tokens.html", {"form": form, "new": new,
                                               "tokens": list(tokens)})


@tenant_view("api.tokens:write", obj=_open_tokens)
def token_revoke(request: TenantRequest, token: ApiToken) -> HttpResponse:
    if request.method == "POST":
        revoke(token)
        messages.success(request, _("The token was revoked."))
        return tenant_redirect(request, "api_web:token_list")
    return render(request, "api/token_revoke.html", {"token": token})
