"""The accommodation overview is one kim list: filter by kind, sort by any figure, export
with the filter and the day, stacked on phones."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from tests.housing.conftest import make_housing
from tests.housing.factories import FacilityFactory, PlaceFactory, UnitFactory

URL = "/soest/housing/"


def test_sorted_by_kind_then_by_places_and_filtered_by_kind(personas, soest):
    make_housing(soest)
    client = personas["housing"].client()
    page = client.get(URL).content.decode()
    assert page.index("Waldstraße") < page.index("Wohnhaus Süd") < page.index("ZUE Kaserne")
    assert 'data-label="Belegungsquote"' in page
    page = client.get(URL + "?sort=capacity").content.decode()
    assert page.index("Wohnhaus Süd") < page.index("Waldstraße") < page.index("ZUE Kaserne")
    page = client.get(URL + "?sort=-occupied").content.decode()
    assert page.index("Waldstraße") < page.index("Wohnhaus Süd")
    page = client.get(URL + "?kind=state").content.decode()
    assert "ZUE Kaserne" in page and "Waldstraße" not in page
    assert "(Zählung vom " in page  # a state facility: its latest count as occupancy


def test_export_keeps_the_filter_and_is_formula_safe(personas, soest):
    make_housing(soest)
    with scope(municipality=soest):
        evil = FacilityFactory(municipality=soest, code="X", kind="phase2", name="=1+1")
        PlaceFactory(unit=UnitFactory(facility=evil, name="A"), label="1")
    response = personas["housing"].client().get(URL + "?kind=phase2&sort=name&format=csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == ("Unterkunft,Art,Gebiet,Belegungszweck,Plätze,Belegt,Frei,Gesperrt,"
                        "Belegungsquote")
    assert [line.split(",")[:2] for line in lines[1:]] == [
        ["'=1+1", "Phase II – Wohneinheiten"], ["Wohnhaus Süd", "Phase II – Wohneinheiten"]]
    assert lines[2].split(",")[4:9] == ["2", "0", "2", "0", "0.0"]


def test_query_count_is_constant(personas, soest):
    make_housing(soest)
    client = personas["housing"].client()

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL + "?sort=-rate").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    with scope(municipality=soest):
        for i in range(15):
            facility = FacilityFactory(municipality=soest, code=f"F{i}", kind="phase2")
            PlaceFactory(unit=UnitFactory(facility=facility, name="A"), label="1")
    assert count() == small
