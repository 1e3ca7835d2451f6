"""The household list (kim/core/lists.py): search, sort, export with the filter, cards."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from tests.casework.factories import HouseholdFactory, MemberFactory
from tests.core.test_permissions import ALL_PERSONAS, expected_status
from tests.people.factories import PersonFactory


def _household(soest, name, *family_names, reference="", dissolved=None):
    with scope(municipality=soest):
        household = HouseholdFactory(municipality=soest, name=name, reference=reference,
                                     dissolved_on=dissolved)
        for i, family in enumerate(family_names):
            MemberFactory(household=household, person=PersonFactory(
                municipality=soest, family_name=family, given_names=f"G{i}"))
        return household


@pytest.fixture
def households(soest):
    return [_household(soest, "Ahmadi", "Ahmadi", "Ahmadi", "Ahmadi", reference="H-7"),
            _household(soest, "Berisha", "Berisha"),
            _household(soest, "@SUM(1+1)", "Haddad", "Haddad"),
            _household(soest, "Alt", "Alt", dissolved=dt.date(2024, 1, 1))]


def test_sorted_by_name_or_size_without_the_dissolved(personas, households):
    client = personas["caseworker"].client()
    page = client.get("/soest/persons/households/").content.decode()
    assert page.index(">@SUM(1+1)<") < page.index(">Ahmadi<") < page.index(">Berisha<")
    assert ">Alt<" not in page and 'data-label="Anzahl Mitglieder"' in page
    page = client.get("/soest/persons/households/?sort=-size").content.decode()
    assert page.index(">Ahmadi<") < page.index(">@SUM(1+1)<") < page.index(">Berisha<")
    page = client.get("/soest/persons/households/?dissolved=on").content.decode()
    assert ">Alt<" in page


def test_search_by_member_and_export_keeps_the_filter_without_formulas(personas, households):
    client = personas["caseworker"].client()
    page = client.get("/soest/persons/households/?q=hadd").content.decode()
    assert ">@SUM(1+1)<" in page and ">Ahmadi<" not in page
    lines = client.get("/soest/persons/households/?q=a&sort=-size&format=csv"
                       ).content.decode("utf-8-sig").splitlines()
    assert lines == ["Haushalt,Aktuelle Mitglieder,Anzahl Mitglieder,Kennzeichen,Aufgelöst am",
                     'Ahmadi,"Ahmadi, G0; Ahmadi, G1; Ahmadi, G2",3,H-7,',
                     "'@SUM(1+1),\"Haddad, G0; Haddad, G1\",2,,",
                     'Berisha,"Berisha, G0",1,,']


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_matrix(personas, households, persona):
    client = personas[persona].client()
    status = client.get("/soest/persons/households/").status_code
    assert status == client.get("/soest/persons/").status_code  # who may see persons
    if persona in ("caseworker", "anonymous", "foreign"):
        assert status == expected_status(persona, {"caseworker"})


def test_query_count_is_constant(personas, soest, households):
    client = personas["caseworker"].client()

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/soest/persons/households/?sort=size").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    for i in range(20):
        _household(soest, f"Neu{i}", "X", "Y")
    assert count() == small
