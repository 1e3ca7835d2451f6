"""Dated municipal policy settings: what applies today, since when, the history, and a
new value from a date on (modules declare them in ``KimModule.settings``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.domain import settings as domain
from kim.core.forms.masterdata import SettingValueForm
from kim.core.http import TenantRequest
from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm
from kim.core.views.base import form_page, run_form, tenant_redirect, tenant_url, tenant_view


def _mine(user: Any, municipality: Any) -> list[Any]:
    return [s for s in modules.settings().values()
            if has_perm(user, s.permission, municipality)]


def any_setting(user: Any, municipality: Any, kwargs: Mapping[str, Any]) -> bool:
    return bool(_mine(user, municipality))


def this_setting(user: Any, municipality: Any, kwargs: Mapping[str, Any]) -> bool:
    """The setting named in the URL may be changed (an unknown key passes: 404 follows)."""
    declared = modules.settings().get(kwargs.get("key", ""))
    return declared is None or has_perm(user, declared.permission, municipality)


def _every_key(municipality: Any) -> list[dict[str, Any]]:
    return [{"key": key} for key in modules.settings()]


def show(declared: Any, value: Any) -> str:
    if declared.kind == "bool":
        return _("yes") if value else _("no")
    if declared.kind == "countries" or (declared.kind == "json" and declared.choices):
        return ", ".join(value) if value else "–"
    return str(value)


@tenant_view(access=any_setting)
def setting_list(request: TenantRequest) -> HttpResponse:
    today = timezone.localdate()
    town = request.municipality
    rows = []
    for declared in _mine(request.user, town):
        history = domain.history(town, declared.key)
        current = next((h for h in history if h.valid_from <= today), None)
        rows.append({"setting": declared,
                     "value": show(declared, domain.setting(town, declared.key, today)),
                     "since": current.valid_from if current else None,
                     "planned": [h for h in history if h.valid_from > today],
                     "count": len(history)})
    return render(request, "core/settings/list.html", {"rows": rows})


@tenant_view(access=this_setting, samples=_every_key)
def setting_change(request: TenantRequest, key: str) -> HttpResponse:
    declared = modules.settings().get(key)
    if declared is None:
        raise Http404("No such setting")
    town = request.municipality
    form = SettingValueForm(request.POST or None, initial={
        "valid_from": timezone.localdate(),
        "value": show(declared, domain.setting(town, key, timezone.localdate()))})
    if run_form(request, form, lambda d: domain.record(town, key, d["valid_from"], d["value"],
                                                       d["note"], request.user),
                _("The new value was recorded.")):
        return tenant_redirect(request, "core:settings")
    history = [{"row": h, "value": show(declared, h.value)}
               for h in domain.history(town, key)]
    return form_page(request, form, title=str(declared.label),
                     cancel_url=tenant_url(request, "core:settings"),
                     intro=declared.help, template="core/settings/change.html",
                     extra={"setting": declared, "history": history,
                            "default": show(declared, declared.default)})
