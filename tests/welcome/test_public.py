"""The public information pages: no login, the reader's language with its direction and
script, a language switch that keeps the page, search in the chosen language, caching
that notices edits."""

import re

from django.test import Client
from django.urls import reverse
from django_scopes import scope

from kim.welcome.domain import pages
from kim.welcome.models import Page
from tests.welcome.factories import PageFactory, TranslationFactory


def url(name, **kwargs):
    return reverse(f"welcome_public:{name}", kwargs={"municipality": "soest", **kwargs})


def get(path, **params):
    response = Client().get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def make(soest):
    with scope(municipality=soest):
        topic = PageFactory(municipality=soest, slug="gesundheit", title="Gesundheit",
                            body="Sie sind krank? Gehen Sie zum Arzt.")
        contact = PageFactory(municipality=soest, slug="sozialamt", parent=topic,
                              kind="contact", title="Sozialamt", body="Hier gibt es Geld.",
                              address="Windmühlenweg 21, 59494 Soest", phone="02921 103-5")
        TranslationFactory(page=topic, title="الصحة", body="هل أنت مريض؟ اذهب إلى الطبيب.")
        TranslationFactory(page=topic, language="ti", title="ጥዕና", body="ናብ ሓኪም ኪዱ።")
        PageFactory(municipality=soest, slug="entwurf", title="Entwurf", published=False)
    return topic, contact


def test_arabic_page_is_right_to_left_and_keeps_the_page_when_switching(soest):
    make(soest)
    text = get(url("page", slug="gesundheit"), lang="ar")
    assert '<div class="welcome" lang="ar" dir="rtl">' in text
    assert "<h1>الصحة</h1>" in text and "اذهب إلى الطبيب" in text
    assert "/soest/info/gesundheit/?lang=uk" in text  # the switch stays on the page
    assert "/soest/info/gesundheit/?lang=de" in text
    # the sub-page has no Arabic text yet: German, marked as such
    assert 'lang="de" dir="ltr">Sozialamt</a>' in text


def test_tigrinya_page_in_geez_and_german_fallback_with_notice(soest):
    make(soest)
    text = get(url("page", slug="gesundheit"), lang="ti")
    assert 'lang="ti" dir="ltr"' in text and "<h1>ጥዕና</h1>" in text
    text = get(url("page", slug="sozialamt"), lang="uk")
    assert "Ще не перекладено" in text and "<h1>Sozialamt</h1>" in text
    assert "Windmühlenweg 21" in text and 'href="tel:02921103-5"' in text


def test_unpublished_pages_are_not_public(soest):
    make(soest)
    assert Client().get(url("page", slug="entwurf")).status_code == 404
    assert "Entwurf" not in get(url("index"))
    assert Client().get(url("page", slug="gibt-es-nicht")).status_code == 404


def test_index_is_a_tree_in_the_chosen_language(soest):
    make(soest)
    text = get(url("index"), lang="fa")
    assert '<div class="welcome" lang="fa" dir="rtl">' in text
    # no Persian text: the German titles, nested
    assert re.search(r"Gesundheit</a>\s*<ul><li><a [^>]*>Sozialamt</a></li>\s*</ul>", text)
    text = get(url("index"), lang="unbekannt")  # an unknown code reads German
    assert '<div class="welcome" lang="de" dir="ltr">' in text


def test_search_finds_words_of_the_chosen_language(soest):
    make(soest)
    assert "الصحة</a>" in get(url("search"), q="الطبيب", lang="ar")
    text = get(url("search"), q="Arzt", lang="ar")  # German word, page translated
    assert "الصحة" not in text and "لم يتم العثور على صفحة" in text
    assert "Gesundheit</a>" in get(url("search"), q="arzt krank", lang="de")
    assert "Sozialamt</a>" in get(url("search"), q="Geld", lang="ar")  # German fallback


def test_edits_reach_the_cached_page_and_outdated_is_shown(soest):
    topic, _contact = make(soest)
    assert "اذهب إلى الطبيب" in get(url("page", slug="gesundheit"), lang="ar")
    with scope(municipality=soest):
        pages.save_page(Page.objects.get(pk=topic.pk),
                        {"title": "Gesundheit", "body": "Neu: Gehen Sie zur Ärztin.",
                         "slug": "gesundheit"})
    text = get(url("page", slug="gesundheit"), lang="ar")
    assert "تغيّر النص الألماني بعد هذه الترجمة" in text
    assert "Neu: Gehen Sie zur Ärztin." in get(url("page", slug="gesundheit"))


def test_public_start_page_links_the_information_pages(soest):
    text = get(reverse("public:start", kwargs={"municipality": "soest"}))
    assert 'href="/soest/info/"' in text



def test_index_links_the_other_modules_public_pages_but_not_itself(soest):
    # the course catalogue and the offers directory come through their public_links
    text = get(url("index"), lang="ar")
    assert 'href="/soest/courses/"' in text and 'href="/soest/offers/"' in text
    assert 'href="/soest/info/"' not in text
