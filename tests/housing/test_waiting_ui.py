"""The private-housing waiting list: ranking with explanations, eligibility from the rules
engine, the priority policy form, placements into flats (audited), the Tab. 7 report."""

import datetime
import io
import json

import pytest
from django_scopes import scope
from openpyxl import load_workbook

from kim.core.models import AuditEntry
from kim.housing.domain import private_housing, waitlist
from kim.housing.domain import stays as stays_domain
from kim.housing.models import Placement, Stay, WaitingListEntry
from tests.clock import today
from tests.housing.factories import FacilityFactory, PlaceFactory, StatusFactory, UnitFactory
from tests.housing.test_placement_ui import EN, _queries, household

URL = "/soest/housing/waiting/"


def recognised(town, h):
    """Give every member a refugee status (housing_category "placeable")."""
    with scope(municipality=town):
        for member in h.members.all():
            StatusFactory(person=member.person, code="refugee",
                          valid_from=today() - datetime.timedelta(days=200))


@pytest.mark.django_db
def test_list_ranks_eligible_with_reasons_and_shows_ineligible_apart(personas, soest, housing):
    big = household(soest, "Haddad", ("m", 40), ("f", 38), ("m", 10))
    small = household(soest, "Omari", ("m", 30))
    waiting = household(soest, "Rahimi", ("m", 22))
    with scope(municipality=soest):  # a Duldung: not placeable
        StatusFactory(person=waiting.members.get().person, code="duldung",
                      valid_from=today() - datetime.timedelta(days=20))
    recognised(soest, big)
    recognised(soest, small)
    client = personas["housing"].client()
    for h, applied in ((big, today() - datetime.timedelta(days=40)),
                       (small, today() - datetime.timedelta(days=100)), (waiting, today())):
        response = client.post(f"{URL}new/", {"household": h.pk,
                                              "applied_on": applied.isoformat()}, **EN)
        assert response.status_code == 302
    again = client.post(f"{URL}new/", {"household": big.pk, "applied_on": today().isoformat()},
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
                {"unit": housing["flat"].pk, "on": today().isoformat()})
    with scope(municipality=soest):
        entry = WaitingListEntry.objects.get()
        assert Stay.objects.filter(end=None, place__unit=housing["flat"]).count() == 2
    url = f"{URL}{entry.pk}/place/"
    missing = client.post(url, {"kind": "rented_flat", "on": today().isoformat()}, **EN)
    assert "Choose the flat the household moves into" in missing.content.decode()
    tomorrow = (today() + datetime.timedelta(days=1)).isoformat()
    response = client.post(url, {"kind": "private", "on": tomorrow}, **EN)
    assert "cannot be in the future" in response.content.decode()
    # A stay cannot end on the day it began: place the household a day later in the past.
    with scope(municipality=soest):
        Stay.objects.filter(place__unit=housing["flat"]).update(
            start=today() - datetime.timedelta(days=5))
    response = client.post(url, {"kind": "private", "on": today().isoformat()}, **EN)
    assert response.status_code == 302
    with scope(municipality=soest):
        entry.refresh_from_db()
        placed = Placement.objects.get()
        assert (entry.status, placed.kind, placed.regime) == ("placed", "private", "sgb")
        assert not Stay.objects.filter(end=None, place__unit=housing["flat"]).exists()
        assert set(Stay.objects.filter(place__unit=housing["flat"])
                   .values_list("move_out_reason", flat=True)) == {"own_flat"}
        assert AuditEntry.objects.filter(model="housing.placement").exists()
        persons, households = private_housing.counts(soest, today())
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
        "kind": "rented_flat", "unit": unit.pk, "on": today().isoformat()})
    assert response.status_code == 302
    with scope(municipality=soest):
        assert Stay.objects.get(end=None, place__unit=unit).person.family_name == "Omari"
        persons, _households = private_housing.counts(soest, today())
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
                                        applied_on=today())
    few = _queries(client, URL)
    for n in range(5):
        h = household(soest, f"Mehr{n}", ("f", 30), ("m", 5))
        recognised(soest, h)
        with scope(municipality=soest):
            WaitingListEntry.objects.create(municipality=soest, household=h, applied_on=today())
    assert _queries(client, URL) == few


@pytest.mark.django_db
def test_moves_into_flats_count_as_placed_in_tab7_without_a_placement_record(soest, housing):
    """A move-out recorded on the stay page ("own flat") and a stay in a town-rented flat
    are placements too: Tab. 7 must not list those households as "placeable now"."""
    private = household(soest, "Haddad", ("m", 40), ("f", 38))
    rented = household(soest, "Omari", ("m", 30))
    recognised(soest, private)
    recognised(soest, rented)
    moved_out = today() - datetime.timedelta(days=3)  # assigned a week ago
    with scope(municipality=soest):
        flats = FacilityFactory(municipality=soest, kind="rented_flat", target_use="mixed")
        for member in private.members.all():
            stay = Stay.objects.create(municipality=soest, person=member.person,
                                       place=PlaceFactory(unit=housing["flat"]),
                                       start=today() - datetime.timedelta(days=6))
            stays_domain.move_out(stay, moved_out, reason="own_flat")
        Stay.objects.create(municipality=soest, person=rented.members.get().person,
                            place=PlaceFactory(unit=UnitFactory(facility=flats)),
                            start=today() - datetime.timedelta(days=2))
        before, _h = private_housing.counts(soest, moved_out - datetime.timedelta(days=1))
        persons, households = private_housing.counts(soest, today())
    assert before[("sgb", "families", "placeable")] == 2  # still in Phase II then
    assert (persons[("sgb", "families", "placed_private")],
            households[("sgb", "families", "placed_private")]) == (2, 1)
    assert persons[("sgb", "singles", "placed_rented")] == 1
    assert persons[("sgb", "families", "placeable")] == 0
    assert persons[("sgb", "singles", "placeable")] == 0


@pytest.mark.django_db
def test_household_placement_without_waiting_list_and_the_placement_list(personas, soest,
                                                                         housing):
    fam = household(soest, "Haddad", ("m", 40), ("f", 38))
    listed = household(soest, "Omari", ("m", 30))
    recognised(soest, fam)
    recognised(soest, listed)
    client = personas["housing"].client()
    client.post(f"{URL}new/", {"household": listed.pk, "applied_on": "2025-01-01"})
    for h in (fam, listed):
        response = client.post(f"/soest/housing/placement/households/{h.pk}/record/", {
            "kind": "private", "on": today().isoformat(), "note": "=HYPERLINK(1)"}, **EN)
        assert response.status_code == 302, h
    bad = client.post(f"/soest/housing/placement/households/{fam.pk}/record/",
                      {"kind": "elsewhere", "on": today().isoformat()}, **EN)
    assert "Select a valid choice" in bad.content.decode()
    with scope(municipality=soest):
        assert Placement.objects.count() == 2
        assert WaitingListEntry.objects.get().status == "placed"  # Omari's entry closed
        assert Placement.objects.get(household=listed).entry_id is not None
        assert Placement.objects.get(household=fam).entry_id is None
    page = personas["caseworker"].client().get(f"{URL}placements/", **EN).content.decode()
    assert "2 placements, newest first" in page and "Haddad" in page and "Omari" in page
    earlier = client.get(f"{URL}placements/", {"placed_to": "2020-01-01"}, **EN)
    assert "No placement recorded in this period" in earlier.content.decode()
    wrong = client.get(f"{URL}placements/", {"placed_from": "2026-02-01",
                                             "placed_to": "2026-01-01"}, **EN)
    assert "The end cannot be before the start" in wrong.content.decode()
    csv_text = client.get(f"{URL}placements/", {"format": "csv"}, **EN).content.decode()
    lines = csv_text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Placed on,Household,Persons (today),Placed into")
    assert len(lines) == 3 and "'=HYPERLINK(1)" in csv_text  # formula neutralised
    assert client.get(f"{URL}placements/", {"format": "pdf"}).status_code == 404


@pytest.mark.django_db
def test_waiting_list_export_has_positions_and_reasons(personas, soest, housing):
    big = household(soest, "Haddad", ("m", 40), ("f", 38), ("m", 10))
    waiting = household(soest, "Rahimi", ("m", 22))
    recognised(soest, big)
    with scope(municipality=soest):  # a Duldung: not placeable
        StatusFactory(person=waiting.members.get().person, code="duldung",
                      valid_from=today() - datetime.timedelta(days=20))
        for h in (big, waiting):
            WaitingListEntry.objects.create(municipality=soest, household=h,
                                            applied_on=today() - datetime.timedelta(days=70))
    response = personas["caseworker"].client().get(URL, {"format": "xlsx"}, **EN)
    assert response["Content-Disposition"] == 'attachment; filename="warteliste.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == ["Position", "Household", "Persons", "On the list since", "Points"]
    assert rows[1][0] == 1 and "Haddad" in rows[1][1] and rows[1][2] == 3
    assert "Months on the waiting list: 2 (counted 2) × 10 = 20 points" in rows[1][6]
    assert rows[2][0] is None and "Rahimi" in rows[2][1]  # not eligible: no position


@pytest.mark.django_db
def test_household_page_links_to_placement_by_permission(personas, soest, housing):
    fam = household(soest, "Haddad", ("m", 40))
    url = f"/soest/persons/households/{fam.pk}/"
    writer = personas["housing"].client().get(url, **EN).content.decode()
    reader = personas["caseworker"].client().get(url, **EN).content.decode()
    assert "placement suggestions" in writer and "Record a placement into a flat" in writer
    assert "placement suggestions" in reader and "Record a placement" not in reader


@pytest.mark.django_db
def test_placement_list_query_count_is_constant(personas, soest, housing):
    client = personas["caseworker"].client()
    with scope(municipality=soest):
        Placement.objects.create(municipality=soest, household=household(soest, "Eins", ("m", 3)),
                                 kind="private", placed_on=today(), regime="sgb")
    few = _queries(client, f"{URL}placements/")
    with scope(municipality=soest):
        for n in range(6):
            h = household(soest, f"Mehr{n}", ("f", 30), ("m", 5))
            Placement.objects.create(municipality=soest, household=h, kind="rented_flat",
                                     placed_on=today(), regime="asylblg")
    assert _queries(client, f"{URL}placements/") == few


@pytest.mark.django_db
def test_waiting_list_explains_in_german(personas, soest, housing):
    fam = household(soest, "Haddad", ("m", 40), ("f", 38))
    recognised(soest, fam)
    with scope(municipality=soest):
        WaitingListEntry.objects.create(municipality=soest, household=fam,
                                        applied_on=today() - datetime.timedelta(days=70))
    page = personas["housing"].client().get(URL, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Monate auf der Warteliste: 2 (gezählt 2) × 10 = 20 Punkte" in page
    assert "Berechtigt: aktuell vermittelbar (Mitglieder mit dieser Kategorie: 2 von 2)." in page


def test_household_verdict_stops_once_nothing_can_change():
    def members():
        yield None  # a member without status
        yield ("asylblg_basic", "not_placeable")
        yield ("asylblg_analog", "placeable")
        yield ("sgb2", "not_applicable")
        raise AssertionError("asked the engine about a member after the verdict was settled")

    assert waitlist.household_verdict(members()) == ("placeable", "sgb")
    assert waitlist.household_verdict(
        [("asylblg_basic", "not_yet_placeable"), ("not_applicable", "not_placeable")]
    ) == ("not_yet_placeable", "asylblg")
    assert waitlist.household_verdict([None]) == ("unknown", "asylblg")
