"""Editing information pages: versions and outdated translations, validation that names
the field and writes nothing, the readability hint, and who may edit what."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope

from kim.core.domain.users import create_member
from kim.core.models import Role
from kim.welcome.domain import pages
from kim.welcome.domain.readability import check
from kim.welcome.models import Page, Translation
from tests.conftest import PASSWORD
from tests.welcome.factories import PageFactory, TranslationFactory


def url(name, **kwargs):
    return reverse(f"welcome:{name}", kwargs={"municipality": "soest", **kwargs})


def page_data(**overrides):
    data = {"title": "Gesundheit", "body": "Sie sind krank? Gehen Sie zum Arzt.",
            "slug": "gesundheit", "kind": "topic", "order": "10", "parent": "",
            "address": "", "opening_hours": "", "phone": "", "email": "", "map_url": "",
            "published": "on"}
    return {**data, **overrides}


def test_changing_the_german_text_marks_translations_outdated(in_soest):
    page = PageFactory(municipality=in_soest)
    translation = TranslationFactory(page=page)
    assert page.version == 1 and not translation.outdated
    data = {"title": page.title, "body": page.body, "slug": page.slug, "order": 5}
    pages.save_page(page, data)  # only the order changed
    assert page.version == 1
    pages.save_page(page, {**data, "body": "Neuer Text. Kurz."})
    translation.refresh_from_db()
    assert page.version == 2 and translation.outdated
    pages.save_translation(page, "ar", {"title": "الصحة", "body": "نص جديد"})
    translation.refresh_from_db()
    assert (translation.source_version, translation.outdated) == (2, False)


def test_a_page_cannot_sit_below_itself(in_soest):
    top = PageFactory(municipality=in_soest)
    child = PageFactory(municipality=in_soest, parent=top)
    data = {"title": top.title, "body": top.body, "slug": top.slug, "parent": child}
    with pytest.raises(ValidationError) as err:
        pages.save_page(top, data)
    assert list(err.value.message_dict) == ["parent"]


def test_translation_language_must_be_a_content_language(in_soest):
    page = PageFactory(municipality=in_soest)
    with pytest.raises(ValidationError) as err:
        pages.save_translation(page, "xx", {"title": "t", "body": "b"})
    assert list(err.value.message_dict) == ["language"]


def test_coordinator_creates_a_page_and_sees_the_readability_hint(personas, soest):
    client = personas["coordinator"].client()
    response = client.get(url("page_new"))
    assert response.status_code == 200
    long_body = ("Die Integrationsvereinbarung wird Ihnen von der Ausländerbehörde im Rahmen "
                 "des ersten Beratungsgesprächs ausgehändigt und erläutert.")
    response = client.post(url("page_new"), page_data(body=long_body), follow=True)
    assert response.status_code == 200
    with scope(municipality=soest):
        page = Page.objects.get(slug="gesundheit")
    assert page.version == 1 and page.body == long_body
    text = response.content.decode()
    assert "Integrationsvereinbarung" in text and "Beratungsgesprächs" in text
    assert "Readability" in text or "Lesbarkeit" in text


@pytest.mark.parametrize(("field", "value"), [
    ("slug", "taken"), ("map_url", "http://maps.example/x"), ("phone", "call me"),
    ("title", ""),
])
def test_bad_input_names_the_field_and_writes_nothing(personas, soest, field, value):
    with scope(municipality=soest):
        PageFactory(municipality=soest, slug="taken")
    client = personas["coordinator"].client()
    response = client.post(url("page_new"), page_data(**{field: value}))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    with scope(municipality=soest):
        assert Page.objects.count() == 1


def test_translator_role_edits_translations_only(personas, soest):
    with scope(municipality=soest):
        page = PageFactory(municipality=soest)
        role = Role.objects.create(municipality=soest, name="Übersetzung", custom_permissions=[
            "welcome.pages:read", "welcome.translations:write"])
        member = create_member(soest, username="uebersetzerin", password=PASSWORD,
                               roles=[role], must_change_password=False)
    from django.test import Client

    client = Client()
    client.force_login(member.user)
    assert client.get(url("page_list")).status_code == 200
    assert client.get(url("page_edit", pk=page.pk)).status_code == 403
    assert client.post(url("page_new"), page_data()).status_code == 403
    edit = url("translation_edit", pk=page.pk, language="fa")
    response = client.get(edit)
    assert 'dir="rtl"' in response.content.decode() and page.body.split("?")[0] in (
        response.content.decode())
    response = client.post(edit, {"title": "سلامت", "body": "بیمار هستید؟"})
    assert response.status_code == 302
    with scope(municipality=soest):
        saved = Translation.objects.get(page=page, language="fa")
    assert (saved.title, saved.source_version, saved.illustrative) == ("سلامت", 1, False)
    assert client.get(url("translation_edit", pk=page.pk, language="xx")).status_code == 404


def test_outdated_translation_is_shown_to_editors(personas, soest):
    with scope(municipality=soest):
        page = PageFactory(municipality=soest)
        TranslationFactory(page=page, language="uk", title="Здоров'я", body="Текст")
        Page.objects.filter(pk=page.pk).update(version=3)
    client = personas["coordinator"].client()
    text = client.get(url("page_list")).content.decode()
    assert "veraltet" in text or "outdated" in text
    response = client.get(url("page_edit", pk=page.pk))
    status = {code: (t.outdated if t else None)
              for code, _native, _rtl, t in response.context["translations"]}
    assert status["uk"] is True and status["ar"] is None and len(status) == 10
    text = client.get(url("translation_edit", pk=page.pk, language="uk")).content.decode()
    assert "version 1" in text or "Version 1" in text


def test_readability_counts_long_sentences_and_words():
    result = check("Das ist kurz. Die Aufenthaltserlaubnis bekommen Sie bei der Behörde, "
                   "wenn Sie alle Unterlagen rechtzeitig und vollständig bei uns abgeben!\n"
                   "Mail: info@soest.example")
    assert result.sentences == 3
    assert result.long_sentences == ("Die Aufenthaltserlaubnis bekommen Sie bei der Behörde, "
                                     "wenn Sie alle Unterlagen rechtzeitig und vollständig "
                                     "bei uns abgeben!",)
    assert result.long_words == ("Aufenthaltserlaubnis",)
    assert check("Die Aufenthalts-Erlaubnis ist wichtig.").plain


def test_editors_list_shows_the_tree_in_order(personas, soest):
    with scope(municipality=soest):
        top = PageFactory(municipality=soest, title="A Thema", order=1)
        other = PageFactory(municipality=soest, title="B Thema", order=2)
        PageFactory(municipality=soest, title="C Unterseite", order=3, parent=top)
    response = personas["caseworker"].client().get(url("page_list"))
    titles = [row["page"].title for row in response.context["rows"]]
    assert titles == ["A Thema", "C Unterseite", "B Thema"]
    assert [row["depth"] for row in response.context["rows"]] == [0, 1, 0]
    assert other.title in response.content.decode()
    assert "page_edit" not in response.content.decode()  # caseworkers read only
    assert 'href="/soest/welcome/pages/' not in response.content.decode()
