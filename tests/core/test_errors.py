"""Error pages: in the layout, in the user's language, with a way back; a foreign
municipality's object looks exactly like any missing page."""

import re

from django.test import Client, RequestFactory
from django.utils import translation
from django_scopes import scope

from kim.core.models import Role
from kim.core.views.errors import server_error


def test_404_is_in_the_layout_in_german_with_a_way_back(personas):
    client = personas["admin"].client()
    response = client.get("/soest/admin/roles/999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Seite nicht gefunden" in page and 'href="/soest/"' in page
    assert 'class="main-nav"' in page  # the user's own navigation stays


def test_foreign_object_looks_like_any_missing_object(personas, herne):
    with scope(municipality=herne):
        foreign = Role.objects.get(builtin="admin")
    client = personas["admin"].client()

    def page(pk):
        html = client.get(f"/soest/admin/roles/{pk}/").content.decode()
        # the only differences allowed: the form token and the page's own address
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", html)
        return html.replace(f"/soest/admin/roles/{pk}/", "THIS-PAGE")

    assert page(foreign.pk) == page(999999)


def test_403_in_english_when_the_user_chose_english(personas):
    client = personas["caseworker"].client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/soest/"})
    response = client.get("/soest/admin/users/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "No access to this page" in page and 'lang="en"' in page


def test_csrf_failure_explains_and_offers_a_way_back(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["caseworker"].user)
    response = client.post("/soest/persons/new/", {"family_name": "X"})
    assert response.status_code == 403
    assert "Das Formular ist abgelaufen" in response.content.decode()


def test_500_page_renders_even_without_a_request_context(db):
    request = RequestFactory().get("/")
    with translation.override("de"):
        response = server_error(request)
    assert response.status_code == 500
    assert "Etwas ist schiefgegangen" in response.content.decode()
