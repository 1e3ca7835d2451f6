"""Person pages: permissions per role, decisions with legal basis, restricted data."""

import datetime

import pytest
from django_scopes import scope, scopes_disabled

from kim.core.models import AuditEntry
from kim.people.models import LegalStatus, Person, Vulnerability
from tests.core.test_permissions import ALL_PERSONAS, expected_status
from tests.people.factories import PersonFactory, StatusFactory


@pytest.fixture
def person(in_soest):
    person = PersonFactory(municipality=in_soest, family_name="Haddad", given_names="Mariam")
    StatusFactory(person=person, code="gestattung", valid_from=datetime.date(2022, 10, 5))
    StatusFactory(person=person, code="refugee", valid_from=datetime.date(2024, 4, 10))
    Vulnerability.objects.create(municipality=in_soest, person=person, kind="pregnant")
    return person


READERS = {"caseworker", "benefits", "housing"}
WRITERS = {"caseworker", "benefits"}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_matrix(personas, person, persona):
    client = personas[persona].client()
    urls = {
        "/soest/persons/": READERS,
        f"/soest/persons/{person.pk}/": READERS,
        "/soest/persons/new/": WRITERS,
        f"/soest/persons/{person.pk}/edit/": WRITERS,
        f"/soest/persons/{person.pk}/status/new/": WRITERS,
        f"/soest/persons/{person.pk}/vulnerabilities/new/": {"caseworker"},
    }
    for url, allowed in urls.items():
        assert client.get(url).status_code == expected_status(persona, allowed), url


def test_person_of_other_municipality_is_404(personas, herne):
    with scope(municipality=herne):
        foreign = PersonFactory(municipality=herne)
    client = personas["caseworker"].client()
    assert client.get(f"/soest/persons/{foreign.pk}/").status_code == 404


def test_caseworker_sees_decisions_basis_and_restricted_data_and_read_is_logged(personas,
                                                                               person):
    page = personas["caseworker"].client().get(f"/soest/persons/{person.pk}/").content.decode()
    assert "Flüchtlingsschutz" in page  # status label
    assert "Integrationskurs" in page and "§ 44" in page  # decision with its basis
    assert "Besondere Schutzbedarfe" in page and "schwanger" in page
    with scopes_disabled():
        reads = AuditEntry.objects.filter(action="read", model="people.person",
                                          object_id=str(person.pk))
        assert reads.count() == 1
        assert reads.get().actor_name == "caseworker-soest"


def test_benefits_sees_status_but_no_restricted_data(personas, person):
    page = personas["benefits"].client().get(f"/soest/persons/{person.pk}/").content.decode()
    assert "Flüchtlingsschutz" in page
    assert "schwanger" not in page and "Besondere Schutzbedarfe" not in page
    with scopes_disabled():
        assert not AuditEntry.objects.filter(action="read").exists()


def test_decisions_show_upcoming_changes(personas, person, settings):
    page = personas["caseworker"].client().get(f"/soest/persons/{person.pk}/").content.decode()
    assert "Anstehende Änderungen" in page


def test_create_person_with_partial_birth_date(personas, soest):
    client = personas["caseworker"].client()
    response = client.post("/soest/persons/new/", {
        "family_name": "Rahimi", "given_names": "Omid", "birth": "1994", "sex": "m",
        "citizenship_codes": "af"})
    assert response.status_code == 302
    with scope(municipality=soest):
        person = Person.objects.get(family_name="Rahimi")
    assert person.birth_date == datetime.date(1994, 1, 1)
    assert person.birth_date_precision == "year"
    assert person.birth_date_fact == "1994"
    assert person.citizenships == ["AF"]


def test_create_person_validation_names_fields_and_writes_nothing(personas, soest):
    client = personas["caseworker"].client()
    response = client.post("/soest/persons/new/", {
        "family_name": "", "given_names": "X", "birth": "31.02.1990", "sex": "m",
        "citizenship_codes": "Syrien"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"family_name", "birth", "citizenship_codes"}
    with scope(municipality=soest):
        assert not Person.objects.exists()


def test_status_on_same_day_is_rejected(personas, person):
    client = personas["benefits"].client()
    response = client.post(f"/soest/persons/{person.pk}/status/new/",
                           {"code": "duldung", "valid_from": "2024-04-10"})
    assert response.status_code == 200
    assert "valid_from" in response.context["form"].errors
    response = client.post(f"/soest/persons/{person.pk}/status/new/",
                           {"code": "settled", "valid_from": "2025-04-10"})
    assert response.status_code == 302
    with scope(municipality=person.municipality):
        assert LegalStatus.objects.filter(person=person).count() == 3


def test_list_query_count_is_constant(personas, in_soest):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = personas["caseworker"].client()

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/soest/persons/").status_code == 200
        return len(ctx.captured_queries)

    for _ in range(3):
        StatusFactory(person=PersonFactory(municipality=in_soest))
    small = count()
    for _ in range(40):
        StatusFactory(person=PersonFactory(municipality=in_soest))
    assert count() == small


def test_citizenships_show_country_names_not_codes(personas, soest):
    from django_scopes import scope as _scope

    from tests.people.factories import PersonFactory as _Person

    with _scope(municipality=soest):
        person = _Person(municipality=soest, family_name="Landname", citizenships=["SY", "IQ"])
    client = personas["caseworker"].client()
    page = client.get(f"/soest/persons/{person.pk}/").content.decode()
    assert "<dd>Syrien, Irak</dd>" in page
    listing = client.get("/soest/persons/?q=Landname").content.decode()
    assert '<td data-label="Staatsangehörigkeiten">Syrien, Irak</td>' in listing
