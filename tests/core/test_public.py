"""Public pages of a municipality: no login, no internal navigation, inactive or unknown
municipalities answer 404 like any other missing page."""

from kim.core.models import Municipality


def test_public_start_page_needs_no_login(client, soest):
    response = client.get("/soest/public/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Informationen für Neuzugewanderte in Soest" in page
    assert 'class="main-nav"' not in page  # no internal navigation for the public


def test_members_see_the_public_page_without_internal_navigation(personas):
    page = personas["caseworker"].client().get("/soest/public/").content.decode()
    assert 'class="main-nav"' not in page


def test_unknown_or_inactive_municipality_is_404(client, soest):
    assert client.get("/nowhere/public/").status_code == 404
    Municipality.objects.filter(pk=soest.pk).update(is_active=False)
    assert client.get("/soest/public/").status_code == 404


def test_internal_pages_still_need_a_login(client, soest):
    response = client.get("/soest/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
