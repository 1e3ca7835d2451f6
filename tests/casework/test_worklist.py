"""The deadline worklist per caseworker: "my caseload" and any responsible caseworker."""

import datetime

import pytest
from django_scopes import scope

from kim.people.domain.deadlines import refresh_person
from tests.casework.conftest import make_case
from tests.conftest import make_member
from tests.people.factories import PersonFactory, StatusFactory

URL = "/soest/persons/deadlines/?date_from=2024-04-20&date_to=2030-12-31"


@pytest.fixture
def two_caseloads(personas, soest):
    """Haddad is the caseworker persona's case, Nowak a colleague's, Ivanova nobody's."""
    colleague = make_member(soest, "colleague-soest", "caseworker").user
    mine = make_case(personas["caseworker"].user, soest)["person"]
    theirs = make_case(colleague, soest)["person"]
    with scope(municipality=soest):
        theirs.family_name = "Nowak"
        theirs.save()
        nobody = PersonFactory(municipality=soest, family_name="Ivanova")
        StatusFactory(person=nobody, code="refugee", valid_from=datetime.date(2024, 4, 10))
        for person in (mine, theirs, nobody):
            refresh_person(person, datetime.date(2024, 4, 20))
    return colleague


def listed(response):
    page = response.content.decode()
    return {name for name in ("Haddad", "Nowak", "Ivanova") if name in page}


def test_my_caseload_lists_only_my_persons(personas, two_caseloads):
    client = personas["caseworker"].client()
    assert listed(client.get(URL)) == {"Haddad", "Nowak", "Ivanova"}
    assert listed(client.get(URL + "&responsible=me")) == {"Haddad"}
    assert listed(client.get(URL + f"&responsible={two_caseloads.pk}")) == {"Nowak"}


def test_my_caseload_export_is_filtered_too(personas, two_caseloads):
    response = personas["caseworker"].client().get(URL + "&responsible=me&format=csv")
    body = response.content.decode("utf-8-sig")
    assert "Haddad" in body and "Nowak" not in body and "Ivanova" not in body


def test_unknown_caseworker_is_a_form_error_not_a_crash(personas, two_caseloads):
    response = personas["caseworker"].client().get(URL + "&responsible=999999")
    assert response.status_code == 200
    page = response.content.decode()
    assert "999999 ist keine gültige Auswahl" in page
    assert 'aria-invalid="true" aria-describedby="id_responsible_error"' in page


def test_roles_without_caseloads_get_no_responsibility_filter(personas, two_caseloads):
    # benefits may read deadlines but has no access to caseloads: no filter, all persons.
    response = personas["benefits"].client().get(URL + "&responsible=me")
    assert 'name="responsible"' not in response.content.decode()
    assert listed(response) == {"Haddad", "Nowak", "Ivanova"}
