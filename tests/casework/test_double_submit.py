"""Idempotent form posts (issue 10: "a double submit creates two notes"): the one-time
token of a rendered form lets its POST run once, tested with the case-note form."""

import re
import threading

import pytest
from django.db import connection
from django_scopes import scope

from kim.casework.models import CaseNote
from kim.core.models import FormSubmission
from tests.casework.factories import PersonFactory


def token_of(page: str) -> str:
    return re.search(r'name="kim_once" value="([0-9a-f]{32})"', page)[1]


@pytest.fixture
def person(soest):
    with scope(municipality=soest):
        return PersonFactory(municipality=soest, family_name="Haddad")


def notes(soest, person):
    with scope(municipality=soest):
        return list(CaseNote.objects.filter(person=person).values_list("text", flat=True))


def test_a_double_submit_of_the_note_form_creates_one_note(personas, soest, person):
    client = personas["caseworker"].client()
    url = f"/soest/casework/persons/{person.pk}/notes/new/"
    token = token_of(client.get(url).content.decode())
    first = client.post(url, {"text": "Termin beim Jobcenter vereinbart.", "kim_once": token})
    second = client.post(url, {"text": "Termin beim Jobcenter vereinbart.", "kim_once": token})
    assert notes(soest, person) == ["Termin beim Jobcenter vereinbart."]
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]  # where the first submit led
    page = client.get(second["Location"]).content.decode()
    assert "Dieses Formular war schon gesendet; es wurde einmal gespeichert." in page


def test_every_rendering_gets_its_own_token(personas, soest, person):
    client = personas["caseworker"].client()
    url = f"/soest/casework/persons/{person.pk}/notes/new/"
    first, second = (token_of(client.get(url).content.decode()) for _ in range(2))
    assert first != second
    client.post(url, {"text": "Erste Notiz.", "kim_once": first})
    client.post(url, {"text": "Zweite Notiz.", "kim_once": second})
    assert sorted(notes(soest, person)) == ["Erste Notiz.", "Zweite Notiz."]


def test_a_form_shown_again_with_errors_can_be_sent_corrected(personas, soest, person):
    client = personas["caseworker"].client()
    url = f"/soest/casework/persons/{person.pk}/notes/new/"
    token = token_of(client.get(url).content.decode())
    assert client.post(url, {"text": "", "kim_once": token}).status_code == 200
    assert not FormSubmission.objects.exists()  # released
    assert client.post(url, {"text": "Korrigiert.", "kim_once": token}).status_code == 302
    assert notes(soest, person) == ["Korrigiert."]


def test_another_users_token_does_not_block(personas, soest, person):
    url = f"/soest/casework/persons/{person.pk}/notes/new/"
    token = token_of(personas["caseworker"].client().get(url).content.decode())
    personas["caseworker"].client().post(url, {"text": "Eins.", "kim_once": token})
    other = personas["admin"].client()
    assert other.post(url, {"text": "Zwei.", "kim_once": token}).status_code == 403


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="needs PostgreSQL: SQLite never runs two writers at once")
@pytest.mark.django_db(transaction=True)
def test_parallel_double_submit_creates_one_note(personas, soest, person):
    url = f"/soest/casework/persons/{person.pk}/notes/new/"
    clients = [personas["caseworker"].client() for _ in range(4)]
    token = token_of(clients[0].get(url).content.decode())
    barrier = threading.Barrier(len(clients))
    answers = []

    def post(client):
        try:
            barrier.wait()
            answers.append(client.post(url, {"text": "Parallel.", "kim_once": token}))
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(c,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert notes(soest, person) == ["Parallel."]
    assert [a.status_code for a in answers] == [302] * 4
    assert len({a["Location"] for a in answers}) == 1
