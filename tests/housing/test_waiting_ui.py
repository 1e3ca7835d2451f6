"""The private-housing waiting list: ranking with explanations, eligibility from the rules
engine, the priority policy form, placements into flats (audited), the Tab. 7 report."""

import datetime
import json

import pytest
from django_scopes import scope

from kim.core.models import AuditEntry
from kim.housing.domain import private_housing
from kim.housing.models import Placement, Stay, WaitingListEntry
from tests.housing.factories import FacilityFactory, PlaceFactory, StatusFactory, UnitFactory
from tests.housing.test_placement_ui import EN, TODAY, _queries, household

URL = "/soest/housing/waiting/"


def recognised(town, h):
    """Give every member a refugee status (housing_category "placeable")."""
    with scope(municipality=town):
        for member in h.members.all():
            StatusFactory(person=member.person, code="refugee",
                          valid_from=TODAY - datetime.timedelta(days=200))


@pytest.mark.django_db
def test_list_ranks_eligible_with_reasons_and_shows_ineligible_apart(personas, soest, housing):
    big = household(soest, "Haddad", ("m", 40), ("f", 38), ("m", 10))
    small = household(soest, "Omari", ("m", 30))
    waiting = household(soest, "Rahimi", ("m", 22))
    with scope(municipality=soest):  # a Duldung: not placeable
        StatusFactory(person=waiting.members.get().person, code="duldung",
                      valid_from=TODAY - datetime.timedelta(days=20))
    recognised(soest, big)
    recognised(soest, small)
    client = personas["housing"].client()
    for h, applied in ((big, TODAY - datetime.timedelta(days=40)),
                       (small, TODAY - datetime.timedelta(days=100)), (waiting, TODAY)):
        response = client.post(f"{URL}new/", {"household": h.pk,
                                              "applied_on": applied.isoformat()}, **EN)
        assert response.status_code == 302
    again = client.post(f"{URL}new/", {"household": big.pk, "applied_on": TODAY.isoformat()},
                        **EN)
    assert "is already on the waiting list" in again.content.decode()
    page = personas["caseworker"].client().get(URL, **EN).content.decode()
    eligible, ineligible = page.split("Not eligible yet")
    assert eligible.index("Omari") < eligible.index("Haddad")  # 3 months × 10 beat 3 persons
    assert "Months on the waiting list: 3 (counted 3) × 10 = 30 points" in eligible
    assert "Rahimi" in ineligible and "Not placeable" in ineligible
    assert "Record placement" not in page  # caseworkers read only
    bad = client.post(f"{URL}new/", {"household": 999999, "applied_on": "2024-01-01"}, **EN)
    assert "no current household with number 999999" in bad.content.decode()


@pytest.mark.django_db
def test_policy_form_validates_and_changes_the_order(personas, soest, housing):
    client = personas["housing"].client()
    form = client.get(f"{URL}policy/", **EN).content.decode()
    assert "Household size: points per unit" in form
    bad = client.post(f"{URL}policy/", {"name": "Soest", "mode": "points",
                                        "household_size_weight": "x"}, **EN)
    assert bad.status_code == 200 and "Enter a whole number" in bad.content.decode()
    with scope(municipality=soest):
        assert not AuditEntry.objects.filter(model="housing.prioritypolicysetting").exists()
    ok = client.post(f"{URL}policy/", {"name": "Soest 2026", "mode": "order",
                                       "household_size_weight": "1",
                                       "household_size_rank": "1",
                                       "waiting_months_weight": "10"}, **EN)
    assert ok.status_code == 302
    page = client.get(URL, **EN).content.decode()
    assert "Soest 2026" in page
    with scope(municipality=soest):
        assert AuditEntry.objects.filter(model="housing.prioritypolicysetting").exists()


@pytest.mark.django_db
def test_private_placement_ends_stays_closes_entry_and_counts_in_tab7(personas, soest, housing):
    resident = housing["resident"]
    with scope(municipality=soest):
        h = resident.household_memberships.first()
    assert h is None  # the fixture's resident has no household yet: give him one
    fam = household(soest, "Haddad", ("m", 40), ("f", 38))
    recognised(soest, fam)
    client = personas["housing"].client()
    client.post(f"{URL}new/", {"household": fam.pk, "applied_on": "2025-01-01"}, **EN)
    client.post(f"/soest/housing/placement/households/{fam.pk}/",
                {"unit": housing["flat"].pk, "on": TODAY.isoformat()})
    with scope(municipality=soest):
        entry = WaitingListEntry.objects.get()
        assert Stay.objects.filter(end=None, place__unit=housing["flat"]).count() == 2
    url = f"{URL}{entry.pk}/place/"
    missing = client.post(url, {"kind": "rented_flat", "on": TODAY.isoformat()}, **EN)
    assert "Choose the flat the household moves into" in missing.content.decode()
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    response = client.post(url, {"kind": "private", "on": tomorrow}, **EN)
    assert "cannot be in the future" in response.content.decode()
    # A stay cannot end on the day it began: place the household a day later in the past.
    with scope(municipality=soest):
        Stay.objects.filter(place__unit=housing["flat"]).update(
            start=TODAY - datetime.timedelta(days=5))
    response = client.post(url, {"kind": "private", "on": TODAY.isoformat()}, **EN)
    assert response.status_code == 302
    with scope(municipality=soest):
        entry.refresh_from_db()
        placed = Placement.objects.get()
        assert (entry.status, placed.kind, placed.regime) == ("placed", "private", "sgb")
        assert not Stay.objects.filter(end=None, place__unit=housing["flat"]).exists()
        assert set(Stay.objects.filter(place__unit=housing["flat"])
                   .values_list("move_out_reason", flat=True)) == {"own_flat"}
        assert AuditEntry.objects.filter(model="housing.placement").exists()
        persons, households = private_housing.counts(soest, TODAY)
    assert persons[("sgb", "families", "placed_private")] == 2
    assert households[("sgb", "families", "placed_private")] == 1
    assert client.get(url).status_code == 404  # closed entries cannot be placed again


@pytest.mark.django_db
def test_rented_flat_placement_moves_the_household(personas, soest, housing):
    with scope(municipality=soest):
        flats = FacilityFactory(municipality=soest, code="MIETW", kind="rented_flat",
                                target_use="mixed", name="Mietwohnungen")
        unit = UnitFactory(facility=flats, name="Wohnung 007")
        PlaceFactory(unit=unit, label="1")
    single = household(soest, "Omari", ("m", 30))
    recognised(soest, single)
    client = personas["housing"].client()
    client.post(f"{URL}new/", {"household": single.pk, "applied_on": "2025-01-01"})
    with scope(municipality=soest):
        entry = WaitingListEntry.objects.get()
    response = client.post(f"{URL}{entry.pk}/place/", {
        "kind": "rented_flat", "unit": unit.pk, "on": TODAY.isoformat()})
    assert response.status_code == 302
    with scope(municipality=soest):
        assert Stay.objects.get(end=None, place__unit=unit).person.family_name == "Omari"
        persons, _households = private_housing.counts(soest, TODAY)
    assert persons[("sgb", "singles", "placed_rented")] == 1


@pytest.mark.django_db
def test_report_json_has_the_tab7_columns(personas, soest, housing):
    fam = household(soest, "Haddad", ("m", 40), ("f", 38), ("m", 8))
    recognised(soest, fam)
    data = json.loads(personas["housing"].client().get(
        "/soest/reports/housing_placement/", {"format": "json"}).content)
    row = next(r for r in data["rows"] if (r["regime_code"], r["members_code"]) == (
        "sgb", "families"))
    assert (row["placeable"], row["placeable_households"], row["total"]) == (3, 1, 3)
    single = next(r for r in data["rows"] if r["regime_code"] == "asylblg"
                  and r["members_code"] == "singles")
    assert single["placeable"] == 1  # the fixture's resident: Gestattung from Syria
    assert data["totals"]["total"] == 4


@pytest.mark.django_db
def test_waiting_list_query_count_is_constant(personas, soest, housing):
    client = personas["caseworker"].client()
    first = household(soest, "Eins", ("m", 30))
    with scope(municipality=soest):
        WaitingListEntry.objects.create(municipality=soest, household=first,
                                        applied_on=TODAY)
    few = _queries(client, URL)
    for n in range(5):
        h = household(soest, f"Mehr{n}", ("f", 30), ("m", 5))
        recognised(soest, h)
        with scope(municipality=soest):
            WaitingListEntry.objects.create(municipality=soest, household=h, applied_on=TODAY)
    assert _queries(client, URL) == few
