"""The editors' pages: the page tree with its translation status, the German page with a
readability hint, and a translation next to its German source."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import form_page, run_form, tenant_redirect, tenant_url, tenant_view
from kim.welcome.domain import pages as domain
from kim.welcome.domain.readability import MAX_WORD_LETTERS, MAX_WORDS_PER_SENTENCE, check
from kim.welcome.forms import PageForm, TranslationForm
from kim.welcome.languages import LANGUAGES, TRANSLATION_LANGUAGES
from kim.welcome.models import Page, Translation


@tenant_view("welcome.pages:read", list_view=True)
def page_list(request: TenantRequest) -> HttpResponse:
    town = request.municipality
    query = request.GET.get("q", "").strip()[:100]
    pages = list(domain.matching(Page.objects.filter(municipality=town), query)
                 .select_related("parent"))
    status: dict[int, dict[str, Translation]] = {}
    for t in Translation.objects.filter(page__in=pages).select_related("page"):
        status.setdefault(t.page_id, {})[t.language] = t
    rows = [{"page": p, "depth": depth,
             "cells": [(code, status.get(p.pk, {}).get(code)) for code in TRANSLATION_LANGUAGES]}
            for p, depth in domain.in_tree_order(pages)]
    user = request.user
    return render(request, "welcome/staff/page_list.html", {
        "rows": rows, "languages": [LANGUAGES[c] for c in TRANSLATION_LANGUAGES],
        "query": query, "can_write": has_perm(user, "welcome.pages:write", town),
        "can_translate": has_perm(user, "welcome.translations:write", town),
        "can_print": has_perm(user, "welcome.folders:print", town)})


def _hint(text: str) -> dict[str, Any]:
    return {"readability": check(text), "max_words": MAX_WORDS_PER_SENTENCE,
            "max_letters": MAX_WORD_LETTERS}


def _page_form(request: TenantRequest, page: Page) -> HttpResponse:
    form = PageForm(request.POST or None, instance=page)
    if run_form(request, form, lambda data: domain.save_page(page, data),
                _("The page was saved.")):
        return tenant_redirect(request, "welcome:page_edit", pk=page.pk)
    extra = _hint(form.data.get("body", "") if form.is_bound else page.body)
    if page.pk:
        extra["public_url"] = tenant_url(request, "welcome_public:page", slug=page.slug)
        done = {t.language: t for t in page.translations.select_related("page")}
        extra["translations"] = [(c, LANGUAGES[c].native, LANGUAGES[c].rtl, done.get(c))
                                 for c in TRANSLATION_LANGUAGES]
    return form_page(request, form, title=page.title or _("New information page"),
                     cancel_url=tenant_url(request, "welcome:page_list"),
                     template="welcome/staff/page_form.html", extra=extra)


@tenant_view("welcome.pages:write")
def page_new(request: TenantRequest) -> HttpResponse:
    return _page_form(request, Page(municipality=request.municipality))


@tenant_view("welcome.pages:write", obj=Page)
def page_edit(request: TenantRequest, page: Page) -> HttpResponse:
    return _page_form(request, page)


def _languages(municipality: Any) -> list[dict[str, str]]:
    return [{"language": code} for code in ("ar", "ti")]


@tenant_view("welcome.translations:write", obj=Page, samples=_languages)
def translation_edit(request: TenantRequest, page: Page, language: str) -> HttpResponse:
    if language not in TRANSLATION_LANGUAGES:
        raise Http404("No such content language")
    translation = (Translation.objects.filter(page=page, language=language).first()
                   or Translation(municipality=page.municipality, page=page,
                                  language=language))
    form = TranslationForm(request.POST or None, instance=translation)
    if run_form(request, form, lambda data: domain.save_translation(page, language, data),
                _("The translation was saved.")):
        return tenant_redirect(request, "welcome:page_list")
    lang = LANGUAGES[language]
    for field in form.fields.values():
        field.widget.attrs.update({"lang": language, "dir": "rtl" if lang.rtl else "ltr"})
    return form_page(request, form, title=f"{page.title} – {lang.native}",
                     cancel_url=tenant_url(request, "welcome:page_list"),
                     template="welcome/staff/translation_form.html",
                     extra={"page": page, "translation": translation, "lang": lang,
                            "source": domain.shown(page, "de")})
