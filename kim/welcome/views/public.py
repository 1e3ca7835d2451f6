"""The public information pages (no login, no person data): the page tree, one page and
a search, each in the reader's language (``?lang=``), which every link keeps.

Rendered pages are cached per page, language and version of the page set (any edit of a
page or translation changes ``updated_at`` and so the key)."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from kim.core.http import TenantRequest
from kim.core.modules.registry import modules
from kim.core.views.base import public_view
from kim.welcome.domain import pages as domain
from kim.welcome.domain.labels import labels_for
from kim.welcome.languages import LANGUAGES, SOURCE, get
from kim.welcome.models import Page, Translation

CACHE_SECONDS = 600
INDEX = "welcome_public:index"


def _language(request: TenantRequest) -> str:
    code = request.GET.get("lang", SOURCE)
    return code if code in LANGUAGES else SOURCE


def _stamp(municipality: Any) -> str:
    """Changes whenever a page or translation of the municipality changes."""
    pages = Page.objects.filter(municipality=municipality).aggregate(
        at=Max("updated_at"), n=Max("pk"))
    texts = Translation.objects.filter(municipality=municipality).aggregate(
        at=Max("updated_at"), n=Max("pk"))
    return f"{pages['at']}:{pages['n']}:{texts['at']}:{texts['n']}"


def _render(request: TenantRequest, template: str, key: str, build: Any) -> HttpResponse:
    language = _language(request)
    town = request.municipality
    raw = f"{town.pk}:{key}:{language}:{request.LANGUAGE_CODE}:{_stamp(town)}"
    cache_key = "welcome:" + hashlib.sha256(raw.encode()).hexdigest()
    html = cache.get(cache_key)
    if html is None:
        context = build(language)
        context.update({"lang": get(language), "labels": labels_for(language),
                        "municipality": town})
        # The fragment only: the layout around it carries the user's name and tokens.
        html = render_to_string(template, context)
        cache.set(cache_key, html, CACHE_SECONDS)
    return render(request, "welcome/public/shell.html", {
        "content": mark_safe(html),  # noqa: S308 - our own template's output
        "lang": get(language), "labels": labels_for(language),
        "languages": LANGUAGES.values(), "path": request.path,
        "query": request.GET.get("q", "")[:100]})


@public_view
def index(request: TenantRequest) -> HttpResponse:
    def build(language: str) -> dict[str, Any]:
        pages = list(domain.published(request.municipality))
        slug = request.municipality.slug
        # the other modules' public pages (course catalogue, offers) link in here
        others = [{"label": link.label, "url": reverse(link.url_name,
                                                       kwargs={"municipality": slug})}
                  for link in modules.public_links() if link.url_name != INDEX]
        return {"tree": domain.tree(pages, language), "others": others}

    return _render(request, "welcome/public/index.html", "index", build)


@public_view
def page(request: TenantRequest, slug: str) -> HttpResponse:
    found = domain.published(request.municipality).filter(slug=slug).first()
    if found is None:
        raise Http404("No such page")

    def build(language: str) -> dict[str, Any]:
        children = list(domain.published(request.municipality).filter(parent=found))
        texts = domain.translations_of(children, language)
        parent = domain.shown(found.parent, language) if found.parent else None
        return {"item": domain.shown(found, language), "parent": parent,
                "children": [domain.shown(c, language, texts) for c in children]}

    return _render(request, "welcome/public/page.html", f"page:{found.pk}", build)


@public_view
def search(request: TenantRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]

    def build(language: str) -> dict[str, Any]:
        return {"query": query, "hits": domain.search(request.municipality, language, query)}

    return _render(request, "welcome/public/search.html", f"search:{query}", build)


def _one_page(municipality: Any) -> list[dict[str, str]]:
    first = Page.objects.filter(municipality=municipality, published=True).order_by(
        "pk").first()
    return [{"slug": first.slug}] if first else []


page.kim_public_samples = _one_page  # type: ignore[attr-defined]
