"""Every volunteers URL × every persona: volunteer coordination writes, the coordinator
reads, caseworkers ask for volunteers, steering gets aggregates only (product.md §3)."""

import pytest
from django_scopes import scope

from kim.volunteers.models import Match, Offer
from tests.core.test_permissions import ALL_PERSONAS, expected_status
from tests.volunteers.conftest import request_for
from tests.volunteers.factories import MatchFactory

READ = {"volunteer_coordinator", "coordinator"}
WRITE = {"volunteer_coordinator"}
OFFERS = {"volunteer_coordinator", "coordinator", "caseworker", "benefits", "housing",
          "school_office"}


@pytest.fixture
def urls(pool, personas):
    req = request_for(pool)
    own = request_for(pool, created_by=personas["caseworker"].user,
                      household=pool.household)
    with scope(municipality=pool.municipality):
        match = MatchFactory(request=request_for(pool), volunteer=pool.bernd)
        active = MatchFactory(request=request_for(pool), volunteer=pool.bernd,
                              state=Match.State.ACTIVE, started_on=match.proposed_on)
        offer = Offer.objects.get(name="Fußball für alle")
    base = "/soest/volunteers"
    return {
        f"{base}/": READ, f"{base}/?group={pool.bildung.pk}&left=1&q=Amal": READ,
        f"{base}/new/": WRITE, f"{base}/{pool.amal.pk}/": READ,
        f"{base}/{pool.amal.pk}/edit/": WRITE, f"{base}/groups/new/": WRITE,
        f"{base}/requests/": READ, f"{base}/requests/?status=closed": READ,
        f"{base}/requests/new/": WRITE, f"{base}/requests/{req.pk}/": READ,
        f"{base}/requests/{req.pk}/withdraw/": WRITE, f"{base}/requests/{req.pk}/edit/": WRITE,
        f"{base}/my-requests/": {"caseworker"}, f"{base}/my-requests/new/": {"caseworker"},
        f"{base}/my-requests/{own.pk}/": {"caseworker"},
        f"{base}/my-requests/{own.pk}/withdraw/": {"caseworker"},
        f"{base}/propose/": WRITE, f"{base}/assignments/": READ,
        f"{base}/assignments/?state=ended": READ,
        f"{base}/assignments/{match.pk}/": READ,
        f"{base}/assignments/{match.pk}/next/": WRITE,
        f"{base}/assignments/{match.pk}/end/": WRITE,
        f"{base}/assignments/{active.pk}/hours/": WRITE,
        f"{base}/assignments/{match.pk}/feedback/": WRITE,
        f"{base}/offers/": OFFERS, f"{base}/offers/?q=Fu%C3%9F&category=sport": OFFERS,
        f"{base}/offers/new/": WRITE, f"{base}/offers/{offer.pk}/edit/": WRITE,
        "/soest/reports/volunteers_by_group/": READ | {"steering"},
        "/soest/reports/volunteer_matches/": READ | {"steering"},
        "/soest/reports/volunteer_requests/": READ | {"steering"},
        "/soest/reports/volunteer_offers/": OFFERS | {"steering"},
    }


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_matrix(personas, urls, persona):
    client = personas[persona].client()
    for url, allowed in urls.items():
        response = client.get(url)
        assert response.status_code == expected_status(persona, allowed), url


@pytest.mark.parametrize("persona", ["coordinator", "caseworker", "steering"])
def test_readers_cannot_post(personas, urls, persona):
    client = personas[persona].client()
    for url, allowed in urls.items():
        if allowed == WRITE:
            assert client.post(url, {}).status_code == 403, url


def test_another_caseworkers_request_is_404(pool, personas, soest):
    from tests.conftest import make_member

    other = make_member(soest, "caseworker-2", "caseworker").user
    own = request_for(pool, created_by=other)
    response = personas["caseworker"].client().get(f"/soest/volunteers/my-requests/{own.pk}/")
    assert response.status_code == 404


def test_public_offers_page_needs_no_login_and_shows_published_offers_only(pool, client):
    response = client.get("/soest/offers/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Angebote für Neuzugewanderte in Soest" in page
    assert "Fußball für alle" in page and "Arabisch" in page
    assert "Internes Treffen" not in page
    assert "Amal" not in page and "Beispiel" not in page  # no volunteer shown
    client.post("/i18n/setlang/", {"language": "en", "next": "/soest/offers/"})
    english = client.get("/soest/offers/").content.decode()
    assert "Offers for newcomers in Soest" in english and "Arabic" in english
    assert 'href="/soest/offers/"' in client.get("/soest/public/").content.decode()
