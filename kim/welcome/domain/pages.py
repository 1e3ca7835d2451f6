"""Writing and reading information pages: the tree, versions, translations, search.

Every write validates first and names the field; the German text's version rises when
its title or text changes, which marks the translations made from the older text outdated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from kim.welcome.languages import LANGUAGES, SOURCE, TRANSLATION_LANGUAGES
from kim.welcome.models import Page, Translation

MAX_DEPTH = 4
PAGE_FIELDS = ("parent", "slug", "kind", "order", "title", "body", "address",
               "opening_hours", "phone", "email", "map_url", "published")


def _check_parent(page: Page, parent: Page | None) -> None:
    depth, node = 1, parent
    while node is not None:
        if page.pk is not None and node.pk == page.pk:
            raise ValidationError({"parent": _("A page cannot be placed below itself.")})
        depth += 1
        node = node.parent
    if depth > MAX_DEPTH:
        raise ValidationError({"parent": _("Pages can be nested at most %(n)d levels deep.")
                               % {"n": MAX_DEPTH}})


def save_page(page: Page, data: Mapping[str, Any]) -> Page:
    """Create or change ``page`` from the form's cleaned ``data`` (German source)."""
    parent = data.get("parent")
    if parent is not None and parent.municipality_id != page.municipality_id:
        raise ValidationError({"parent": _("Choose a page of this municipality.")})
    _check_parent(page, parent)
    slug_taken = Page.objects.filter(municipality=page.municipality, slug=data["slug"])
    if page.pk is not None:
        slug_taken = slug_taken.exclude(pk=page.pk)
    if slug_taken.exists():
        raise ValidationError({"slug": _("Another page already has this address.")})
    text_changed = page.pk is not None and (page.title, page.body) != (data["title"],
                                                                      data["body"])
    for name in PAGE_FIELDS:
        if name in data:
            setattr(page, name, data[name])
    if text_changed:
        page.version += 1
    page.full_clean(exclude=["municipality"])
    page.save()
    return page


def save_translation(page: Page, language: str, data: Mapping[str, Any]) -> Translation:
    """Store the ``language`` version of ``page``, made from its current German text."""
    if language not in TRANSLATION_LANGUAGES:
        raise ValidationError({"language": _("%(code)s is not a content language.")
                               % {"code": language}})
    translation = (Translation.objects.filter(page=page, language=language).first()
                   or Translation(municipality=page.municipality, page=page,
                                  language=language))
    translation.title = data["title"]
    translation.body = data["body"]
    translation.source_version = page.version
    translation.illustrative = False  # a person entered it
    translation.full_clean(exclude=["municipality", "page"])
    translation.save()
    return translation


@dataclass(frozen=True)
class Shown:
    """A page as a reader of ``language`` sees it: the translation if one exists, else the
    German text (``fallback``)."""

    page: Page
    language: str
    title: str
    body: str
    fallback: bool
    outdated: bool
    illustrative: bool

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]

    @property
    def lang(self) -> str:
        return SOURCE if self.fallback else self.language

    @property
    def rtl(self) -> bool:
        return LANGUAGES[self.lang].rtl


def shown(page: Page, language: str, translations: Mapping[int, Translation] | None = None,
          ) -> Shown:
    """``page`` in ``language``; ``translations`` (page id → translation) saves a query per
    page in lists."""
    if language == SOURCE or language not in LANGUAGES:
        return Shown(page, SOURCE, page.title, page.body, False, False, False)
    if translations is None:
        found = page.translations.filter(language=language).first()
    else:
        found = translations.get(page.pk)
    if found is None:
        return Shown(page, language, page.title, page.body, True, False, False)
    return Shown(page, language, found.title, found.body, False,
                 found.source_version < page.version, found.illustrative)


def published(municipality: Any) -> QuerySet[Page]:
    return Page.objects.filter(municipality=municipality, published=True)


def translations_of(pages: Iterable[Page], language: str) -> dict[int, Translation]:
    ids = [p.pk for p in pages]
    return {t.page_id: t for t in Translation.objects.filter(page_id__in=ids,
                                                             language=language)}


@dataclass(frozen=True)
class Node:
    item: Shown
    children: list[Node]


def tree(pages: list[Page], language: str) -> list[Node]:
    """The pages as a tree of ``Shown`` (one query for the translations). Pages below an
    unpublished parent are left out with it."""
    texts = translations_of(pages, language)
    by_parent: dict[int | None, list[Page]] = {}
    for page in pages:
        by_parent.setdefault(page.parent_id, []).append(page)

    def build(parent_id: int | None) -> list[Node]:
        return [Node(shown(p, language, texts), build(p.pk))
                for p in by_parent.get(parent_id, [])]

    return build(None)


def in_tree_order(pages: list[Page]) -> list[tuple[Page, int]]:
    """``pages`` depth first (each below its parent) with their depth; a page whose parent
    is not among them starts a branch of its own."""
    ids = {p.pk for p in pages}
    by_parent: dict[int | None, list[Page]] = {}
    for page in pages:
        by_parent.setdefault(page.parent_id if page.parent_id in ids else None, []).append(
            page)
    ordered: list[tuple[Page, int]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for page in by_parent.get(parent_id, []):
            ordered.append((page, depth))
            walk(page.pk, depth + 1)

    walk(None, 0)
    return ordered


def search(municipality: Any, language: str, query: str) -> list[Shown]:
    """Published pages whose title or text in ``language`` contains every word of
    ``query`` (German pages count where no translation exists)."""
    words = [w for w in query.split() if w][:8]
    if not words:
        return []
    pages = list(published(municipality).select_related("parent"))
    texts = translations_of(pages, language) if language != SOURCE else {}
    hits = []
    for page in pages:
        item = shown(page, language, texts)
        haystack = f"{item.title}\n{item.body}".casefold()
        if all(w.casefold() in haystack for w in words):
            hits.append(item)
    return hits


def matching(queryset: QuerySet[Page], query: str) -> QuerySet[Page]:
    """The editors' list filter: German title, text or address (slug)."""
    if not query:
        return queryset
    return queryset.filter(Q(title__icontains=query) | Q(body__icontains=query)
                           | Q(slug__icontains=query))
