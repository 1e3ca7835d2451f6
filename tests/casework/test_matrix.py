"""Every case-work URL × every persona (anonymous, foreign municipality, each role)."""

import pytest
from django_scopes import scope

from tests.casework.factories import PersonFactory
from tests.core.test_permissions import ALL_PERSONAS, expected_status

CASEWORK = {"caseworker"}


def matrix(c):
    p, h = c["person"].pk, c["household"].pk
    return {
        "/soest/casework/": CASEWORK,
        f"/soest/casework/households/{h}/assign/": CASEWORK,
        f"/soest/casework/persons/{p}/": {"caseworker", "benefits"},
        f"/soest/casework/persons/{p}/appointments/new/": CASEWORK,
        f"/soest/casework/appointments/{c['appointment'].pk}/edit/": CASEWORK,
        f"/soest/casework/persons/{p}/notes/new/": CASEWORK,
        f"/soest/casework/persons/{p}/documents/new/": CASEWORK,
        f"/soest/casework/documents/{c['document'].pk}/": CASEWORK,
        f"/soest/casework/persons/{p}/goals/new/": CASEWORK,
        f"/soest/casework/goals/{c['goal'].pk}/edit/": CASEWORK,
        f"/soest/casework/goals/{c['goal'].pk}/steps/new/": CASEWORK,
        f"/soest/casework/steps/{c['step'].pk}/edit/": CASEWORK,
    }


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_matrix(personas, case, persona):
    client = personas[persona].client()
    for url, allowed in matrix(case).items():
        response = client.get(url)
        if response.streaming:
            # Consuming the stream lets the test client close the file without firing
            # request_finished, which would close the test transaction's connection.
            b"".join(response.streaming_content)
        assert response.status_code == expected_status(persona, allowed), url
        if persona == "anonymous":
            assert response["Location"].startswith("/accounts/login/?next="), url


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_matrix_end_assignment_is_post_only(personas, case, persona):
    url = f"/soest/casework/assignments/{case['assignment'].pk}/end/"
    response = personas[persona].client().post(url)
    expected = expected_status(persona, CASEWORK)
    assert response.status_code == (302 if expected == 200 else expected)


def test_end_assignment_refuses_get(personas, case):
    url = f"/soest/casework/assignments/{case['assignment'].pk}/end/"
    assert personas["caseworker"].client().get(url).status_code == 405



def test_objects_of_another_municipality_are_404(personas, case, herne):
    from tests.casework.conftest import make_case

    foreign = make_case(personas["foreign"].user, herne)
    client = personas["caseworker"].client()
    object_urls = [url for url in matrix(foreign) if url != "/soest/casework/"]
    assert len(object_urls) == 11
    for url in object_urls:
        assert client.get(url).status_code == 404, url
    end = f"/soest/casework/assignments/{foreign['assignment'].pk}/end/"
    assert client.post(end).status_code == 404


def test_foreign_person_id_is_404(personas, herne):
    with scope(municipality=herne):
        foreign = PersonFactory(municipality=herne)
    client = personas["caseworker"].client()
    assert client.get(f"/soest/casework/persons/{foreign.pk}/").status_code == 404
