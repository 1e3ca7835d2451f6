"""The municipality's public start page: what kim publishes without a login (course
catalogue, offers, information for newcomers – each module declares its public links).
No person data is ever shown here (the conformance suite walks public pages)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from kim.core.http import TenantRequest
from kim.core.modules.registry import modules
from kim.core.views.base import public_view


@public_view
def start(request: TenantRequest) -> HttpResponse:
    slug = request.municipality.slug
    links = [{"label": link.label,
              "url": reverse(link.url_name, kwargs={"municipality": slug})}
             for link in modules.public_links()]
    return render(request, "core/public/start.html", {"links": links})
