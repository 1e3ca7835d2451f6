"""Every accommodation URL × every persona (anonymous, foreign municipality, each role)."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scope

from kim.housing.models import WaitingListEntry
from kim.people.models import Household, HouseholdMember
from tests.core.test_permissions import ALL_PERSONAS, expected_status
from tests.housing.conftest import make_housing

READERS = {"housing", "caseworker", "benefits"}
WRITERS = {"housing"}
INCIDENTS = {"housing", "caseworker"}


def waiting_entry(h):
    """The fixture's resident as a household on the waiting list (created once)."""
    if "entry" not in h:
        town = h["phase1"].municipality
        with scope(municipality=town):
            household = Household.objects.create(municipality=town, name="Haddad")
            HouseholdMember.objects.create(municipality=town, household=household,
                                           person=h["resident"], role="head",
                                           valid_from=h["stay"].start)
            h["entry"] = WaitingListEntry.objects.create(municipality=town, household=household,
                                                         applied_on=h["stay"].start)
    return h["entry"]


def matrix(h):
    entry = waiting_entry(h)
    p1, state = h["phase1"].pk, h["state"].pk
    free, stay = h["places"][1].pk, h["stay"].pk
    return {
        "/soest/housing/": READERS,
        "/soest/housing/facilities/new/": WRITERS,
        f"/soest/housing/facilities/{p1}/": READERS,
        f"/soest/housing/facilities/{state}/": READERS,
        f"/soest/housing/facilities/{p1}/edit/": WRITERS,
        f"/soest/housing/facilities/{p1}/units/new/": WRITERS,
        f"/soest/housing/facilities/{state}/counts/new/": WRITERS,
        f"/soest/housing/facilities/{p1}/incidents/": INCIDENTS,
        f"/soest/housing/facilities/{p1}/incidents/new/": INCIDENTS,
        f"/soest/housing/units/{h['room'].pk}/edit/": WRITERS,
        f"/soest/housing/places/{free}/block/": WRITERS,
        f"/soest/housing/places/{free}/move-in/": WRITERS,
        f"/soest/housing/stays/{stay}/move/": WRITERS,
        f"/soest/housing/stays/{stay}/move-out/": WRITERS,
        f"/soest/housing/stays/{stay}/exception/": WRITERS,
        "/soest/housing/hints/": READERS,
        "/soest/housing/fehlbeleger/": READERS,
        f"/soest/housing/placement/households/{entry.household_id}/": READERS,
        f"/soest/housing/placement/households/{entry.household_id}/record/": WRITERS,
        "/soest/housing/waiting/placements/": READERS,
        "/soest/housing/placement/arrival/": WRITERS,
        "/soest/housing/placement/arrival/review/": WRITERS,  # redirects without a proposal
        "/soest/housing/waiting/": READERS,
        "/soest/housing/waiting/new/": WRITERS,
        "/soest/housing/waiting/policy/": WRITERS,
        f"/soest/housing/waiting/{entry.pk}/place/": WRITERS,
        f"/soest/housing/waiting/{entry.pk}/withdraw/": WRITERS,
    }


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_matrix(personas, housing, persona):
    client = personas[persona].client()
    for url, allowed in matrix(housing).items():
        response = client.get(url)
        status = expected_status(persona, allowed)
        if url.endswith("/review/") and status == 200:
            status = 302
        assert response.status_code == status, url
        if persona == "anonymous":
            assert response["Location"].startswith("/accounts/login/?next="), url


# product.md §3: accommodation "A" for coordinator and steering; the private-housing
# report also shows legal-status categories ("A" for steering only). The school office has
# "—" for both (finding: it saw occupancy aggregates).
AGGREGATE = {"occupancy": {"steering", "coordinator"},
             "refugees_over_time": {"steering", "coordinator"},
             "housing_placement": {"steering"}}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_reports_detail_or_aggregate(personas, housing, persona):
    """coordinator and steering see the accommodation reports as aggregates only."""
    client = personas[persona].client()
    for name in ("occupancy", "refugees_over_time", "housing_placement"):
        # a past month end: the only dates aggregate audiences get (no differencing by day)
        as_of = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
        response = client.get(f"/soest/reports/{name}/",
                              {"format": "json", "as_of": as_of.isoformat()})
        if persona in ("anonymous", "foreign"):
            assert response.status_code == expected_status(persona, set()), name
            continue
        if persona in AGGREGATE[name] | READERS:
            assert response.status_code == 200, (persona, name)
            # One resident: an aggregate audience sees "<3", a reader the exact 1.
            assert response.json()["suppressed"] is (persona not in READERS), (persona, name)
        else:
            assert response.status_code == 403, (persona, name)



def test_objects_of_another_municipality_are_404(personas, housing, herne):
    foreign = make_housing(herne)
    client = personas["housing"].client()
    object_urls = [url for url in matrix(foreign)
                   if any(f"/{k}/" in url for k in ("facilities", "units", "places", "stays"))
                   and not url.endswith("/facilities/new/")]
    assert len(object_urls) == 13
    object_urls += [url for url in matrix(foreign)
                    if "/placement/households/" in url or url.endswith(("/place/", "/withdraw/"))]
    assert len(object_urls) == 17
    for url in object_urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
