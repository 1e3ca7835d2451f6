"""Shared master data of a municipality: areas, organisations, fields of action."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from kim.core.domain import masterdata as domain
from kim.core.forms.masterdata import AreaForm, FieldOfActionForm, OrganisationForm
from kim.core.http import TenantRequest
from kim.core.models import Area, FieldOfAction, Organisation
from kim.core.permissions.check import has_perm
from kim.core.views.base import (
    form_page,
    paginate,
    run_form,
    tenant_redirect,
    tenant_url,
    tenant_view,
)

READ, WRITE = "core.masterdata:read", "core.masterdata:write"

KINDS: dict[str, dict[str, Any]] = {
    "areas": {"model": Area, "form": AreaForm, "title": gettext_lazy("Areas"),
              "new": gettext_lazy("New area"), "saved": gettext_lazy("The area was saved.")},
    "organisations": {"model": Organisation, "form": OrganisationForm,
                      "title": gettext_lazy("Organisations"),
                      "new": gettext_lazy("New organisation"),
                      "saved": gettext_lazy("The organisation was saved.")},
    "fields": {"model": FieldOfAction, "form": FieldOfActionForm,
               "title": gettext_lazy("Fields of action"),
               "new": gettext_lazy("New field of action"),
               "saved": gettext_lazy("The field of action was saved.")},
}


def _rows(kind: str, request: TenantRequest) -> Any:
    town = request.municipality
    if kind == "areas":
        return domain.areas(town)
    if kind == "organisations":
        return domain.organisations(town, request.GET.get("kind", ""))
    return domain.fields_of_action(town, active_only=False)


def _list(request: TenantRequest, kind: str) -> HttpResponse:
    spec = KINDS[kind]
    from kim.core.views.settings import any_setting

    return render(request, f"core/masterdata/{kind}.html", {
        "title": spec["title"], "kind": kind, "new_label": spec["new"],
        "page": paginate(request, _rows(kind, request)),
        "can_write": has_perm(request.user, WRITE, request.municipality),
        "can_settings": any_setting(request.user, request.municipality, {})})


def _form(request: TenantRequest, kind: str, obj: models.Model | None) -> HttpResponse:
    spec = KINDS[kind]
    instance = obj or spec["model"](municipality=request.municipality)
    form = spec["form"](request.POST or None, instance=instance)
    if run_form(request, form, lambda data: form.save(), spec["saved"]):
        return tenant_redirect(request, f"core:{kind}")
    title = str(instance) if obj is not None else spec["new"]
    return form_page(request, form, title=title, cancel_url=tenant_url(request, f"core:{kind}"))


@tenant_view(READ, list_view=True)
def area_list(request: TenantRequest) -> HttpResponse:
    return _list(request, "areas")


@tenant_view(WRITE)
def area_create(request: TenantRequest) -> HttpResponse:
    return _form(request, "areas", None)


@tenant_view(WRITE, obj=Area)
def area_edit(request: TenantRequest, area: Area) -> HttpResponse:
    return _form(request, "areas", area)


@tenant_view(READ, list_view=True)
def organisation_list(request: TenantRequest) -> HttpResponse:
    return _list(request, "organisations")


@tenant_view(WRITE)
def organisation_create(request: TenantRequest) -> HttpResponse:
    return _form(request, "organisations", None)


@tenant_view(WRITE, obj=Organisation)
def organisation_edit(request: TenantRequest, organisation: Organisation) -> HttpResponse:
    return _form(request, "organisations", organisation)


@tenant_view(READ, list_view=True)
def field_list(request: TenantRequest) -> HttpResponse:
    return _list(request, "fields")


@tenant_view(WRITE)
def field_create(request: TenantRequest) -> HttpResponse:
    return _form(request, "fields", None)


@tenant_view(WRITE, obj=FieldOfAction)
def field_edit(request: TenantRequest, field: FieldOfAction) -> HttpResponse:
    return _form(request, "fields", field)
