"""The volunteer list is a kim list: sortable, filtered, exported with the filter."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from tests.volunteers.factories import VolunteerFactory

URL = "/soest/volunteers/"


def _pool(soest):
    with scope(municipality=soest):
        VolunteerFactory(municipality=soest, first_name="Anna", family_name="Zeller", capacity=1)
        VolunteerFactory(municipality=soest, first_name="Bodo", family_name="Adam", capacity=5)
        VolunteerFactory(municipality=soest, first_name="@Carl", family_name="Mertens",
                         capacity=3)


def test_sorted_by_name_or_capacity_and_exported_without_formulas(personas, soest):
    _pool(soest)
    client = personas["volunteer_coordinator"].client()
    page = client.get(URL).content.decode()
    assert page.index("Bodo Adam") < page.index("@Carl Mertens") < page.index("Anna Zeller")
    page = client.get(URL + "?sort=-capacity").content.decode()
    assert page.index("Bodo Adam") < page.index("@Carl Mertens") < page.index("Anna Zeller")
    page = client.get(URL + "?sort=capacity").content.decode()
    assert page.index("Anna Zeller") < page.index("@Carl Mertens") < page.index("Bodo Adam")
    lines = client.get(URL + "?q=e&sort=capacity&format=csv").content.decode(
        "utf-8-sig").splitlines()
    assert lines == ["Name,Arbeitskreise,Laufende Einsätze,Höchstens,Ausgeschieden am",
                     "Anna Zeller,,0,1,", "'@Carl Mertens,,0,3,"]


def test_query_count_is_constant(personas, soest):
    _pool(soest)
    client = personas["volunteer_coordinator"].client()

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL + "?sort=-load").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    with scope(municipality=soest):
        for _ in range(20):
            VolunteerFactory(municipality=soest)
    assert count() == small
