"""The platform operator's console (``betrieb``): municipalities, their users, storage,
last activity and the installation's health – figures about the platform, never case
data (kim/core/domain/platform.py). Everyone but the operator gets 403."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_scopes import scopes_disabled

from kim.core.domain import identity, platform
from kim.core.domain.roles import role_label
from kim.core.forms.platform import NewMunicipalityForm
from kim.core.models import Municipality
from kim.core.views.base import form_page, global_view, run_form


def _operator(request: HttpRequest) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied("Platform operators only")


@global_view("operator")
@never_cache
@login_required
def console(request: HttpRequest) -> HttpResponse:
    _operator(request)
    towns = platform.municipalities()
    return render(request, "core/platform/console.html", {
        "towns": towns,
        "health": platform.health(),
        "database_bytes": platform.database_bytes(),
        "open_identity_changes": identity.pending_changes().count(),
    })


@global_view("operator")
@never_cache
@login_required
def municipality_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _operator(request)
    town = get_object_or_404(Municipality, pk=pk)
    if request.method == "POST" and request.POST.get("active") in ("0", "1"):
        active = request.POST["active"] == "1"
        platform.set_active(town, active)
        messages.success(request, (_("%(name)s is active again: its users can log in.")
                                   if active else
                                   _("%(name)s is deactivated: its users can no longer log "
                                     "in or use the API. All data is kept."))
                         % {"name": town.name})
        return redirect("platform_municipality", pk=town.pk)
    row = next(r for r in platform.municipalities() if r.municipality.pk == town.pk)
    with scopes_disabled():
        members = [(m, ", ".join(role_label(r) for r in m.roles.all()))
                   for m in platform.users_of(town)]
    return render(request, "core/platform/municipality.html",
                  {"row": row, "town": town, "members": members})


@global_view("operator")
@never_cache
@login_required
def municipality_create(request: HttpRequest) -> HttpResponse:
    _operator(request)
    form = NewMunicipalityForm(request.POST or None)
    created: list[Municipality] = []

    def action(data: dict) -> None:  # type: ignore[type-arg]
        created.append(platform.set_up(**data))

    if run_form(request, form, action, gettext_lazy("The municipality was set up. Its "
                                                    "administrator must change the initial "
                                                    "password at the first login.")):
        return redirect("platform_municipality", pk=created[0].pk)
    return form_page(request, form, title=gettext_lazy("Set up a municipality"),
                     cancel_url=reverse("platform_console"),
                     intro=gettext_lazy("The municipality gets the standard roles and one "
                                        "administrator, who then creates the other users."))
