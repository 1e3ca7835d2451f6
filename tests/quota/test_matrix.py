"""Every quota URL × every persona (anonymous, foreign municipality, each role)."""

import pytest

from tests.core.test_permissions import ALL_PERSONAS, expected_status

READ = {"caseworker", "benefits", "housing"}
WRITE = {"housing"}

MATRIX = {
    "/soest/quota/": READ,
    "/soest/quota/?month=2018-09": READ,
    "/soest/quota/import/": WRITE,
    "/soest/quota/settings/": WRITE,
    "/soest/quota/arrivals/": READ,
    "/soest/quota/arrivals/?first_year=2021&last_year=2022": READ,
    "/soest/reports/quota/": READ | {"steering", "coordinator", "school_office"},
    # counts of persons by citizenship and age: person master data, "A" for steering only
    # (product.md §3; tests/reports/test_role_matrix.py)
    "/soest/reports/arrivals_by_origin/": READ | {"steering"},
}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_matrix(personas, sept_2018, persona):
    client = personas[persona].client()
    for url, allowed in MATRIX.items():
        response = client.get(url)
        assert response.status_code == expected_status(persona, allowed), url
        if persona == "anonymous":
            assert response["Location"].startswith("/accounts/login/?next="), url


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_posts_need_write_permission(personas, persona):
    client = personas[persona].client()
    for url in ("/soest/quota/import/", "/soest/quota/settings/"):
        status = client.post(url, {}).status_code
        expected = expected_status(persona, WRITE)
        assert status == expected, url  # housing: 200, the form with its errors



def test_navigation_entry_only_for_readers(personas):
    assert 'href="/soest/quota/"' in personas["housing"].client().get("/soest/").content.decode()
    assert 'href="/soest/quota/"' not in personas["steering"].client().get(
        "/soest/").content.decode()
