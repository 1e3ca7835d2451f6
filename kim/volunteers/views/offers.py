"""The offers directory: the staff's searchable list and its editing, and the public page
(no login, German and English) of the municipality's published offers."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import (
    form_page,
    paginate,
    public_view,
    query_without_page,
    run_form,
    tenant_redirect,
    tenant_url,
    tenant_view,
)
from kim.volunteers.forms import OfferForm, OfferSearchForm
from kim.volunteers.matching import language_name
from kim.volunteers.models import Offer


def _search(request: TenantRequest, qs: QuerySet[Offer]) -> tuple[OfferSearchForm,
                                                                  QuerySet[Offer]]:
    form = OfferSearchForm(request.GET or None)
    if form.is_valid():
        q, category = form.cleaned_data["q"].strip(), form.cleaned_data["category"]
        if q:
            qs = qs.filter(Q(name__icontains=q) | Q(provider__icontains=q)
                           | Q(description__icontains=q) | Q(district__name__icontains=q))
        if category:
            qs = qs.filter(category=category)
    return form, qs.select_related("district")


def _context(request: TenantRequest, qs: QuerySet[Offer]) -> dict[str, object]:
    form, qs = _search(request, qs)
    page = paginate(request, qs)
    locale = (request.LANGUAGE_CODE or "de")[:2]
    for offer in page.object_list:
        offer.language_names = ", ".join(language_name(c, locale) for c in offer.languages)
    return {"form": form, "page": page, "query": query_without_page(request)}


@tenant_view("volunteers.offers:read", list_view=True)
def offer_list(request: TenantRequest) -> HttpResponse:
    return render(request, "volunteers/offer_list.html", {
        **_context(request, Offer.objects.all()),
        "can_write": has_perm(request.user, "volunteers.offers:write", request.municipality)})


@tenant_view("volunteers.offers:write")
def offer_create(request: TenantRequest) -> HttpResponse:
    form = OfferForm(request.POST or None, instance=Offer(municipality=request.municipality))
    if run_form(request, form, lambda d: form.save(), _("The offer was added.")):
        return tenant_redirect(request, "volunteers:offer_list")
    return form_page(request, form, title=_("New offer"),
                     cancel_url=tenant_url(request, "volunteers:offer_list"))


@tenant_view("volunteers.offers:write", obj=Offer)
def offer_edit(request: TenantRequest, offer: Offer) -> HttpResponse:
    form = OfferForm(request.POST or None, instance=offer)
    if run_form(request, form, lambda d: form.save(), _("The offer was saved.")):
        return tenant_redirect(request, "volunteers:offer_list")
    return form_page(request, form, title=_("Edit %(name)s") % {"name": offer.name},
                     cancel_url=tenant_url(request, "volunteers:offer_list"))


@public_view
def public_offers(request: TenantRequest) -> HttpResponse:
    return render(request, "volunteers/public/offers.html",
                  _context(request, Offer.objects.filter(public=True)))
