"""No double booking under concurrent requests (PostgreSQL: real parallel transactions).

SQLite serialises every writer (IMMEDIATE transactions), so two bookings can never race
there; its triggers are tested in test_stays.py.
"""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django_scopes import scope

from kim.housing.domain import stays
from kim.housing.models import Stay
from tests.housing.conftest import make_housing
from tests.housing.factories import PersonFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL: SQLite never runs two writers at once"),
    pytest.mark.django_db(transaction=True),
]


def in_thread(target, *args):
    def run():
        try:
            target(*args)
        finally:
            connection.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_parallel_move_in_requests_book_the_place_once(personas, soest):
    home = make_housing(soest)
    place = home["places"][1]
    with scope(municipality=soest):
        persons = [PersonFactory(municipality=soest) for _ in range(6)]
    clients = [personas["housing"].client() for _ in persons]
    url = f"/soest/housing/places/{place.pk}/move-in/"
    barrier = threading.Barrier(len(persons))
    answers = []

    def post(client, person):
        barrier.wait()
        response = client.post(url, {"person": person.pk, "reason": "arrival",
                                     "start": timezone.localdate().isoformat()},
                               HTTP_ACCEPT_LANGUAGE="en")
        answers.append((response.status_code, response.content.decode()))

    threads = [in_thread(post, c, p) for c, p in zip(clients, persons, strict=True)]
    for thread in threads:
        thread.join(60)
    with scope(municipality=soest):
        assert Stay.objects.filter(place=place).count() == 1
    assert sorted(code for code, _ in answers) == [200] * 5 + [302]
    for code, body in answers:
        if code == 200:  # lost: the form names the place, whichever check caught it
            assert "Waldstraße, Zimmer 1, place 2" in body


def test_a_booking_waits_for_a_concurrent_one_and_then_fails(soest):
    """The second transaction passes the checks (it cannot see the first's uncommitted
    stay), is held by the exclusion constraint, and fails once the first commits."""
    home = make_housing(soest)
    place = home["places"][1]
    with scope(municipality=soest):
        first_person, second_person = (PersonFactory(municipality=soest) for _ in range(2))
    today = timezone.localdate()
    inserted, release = threading.Event(), threading.Event()
    outcome = {}

    def first():
        with scope(municipality=soest), transaction.atomic():
            stays.move_in(first_person, place, today)
            inserted.set()
            release.wait(30)

    def second():
        inserted.wait(30)
        try:  # threads do not inherit the active language: fix it for the message check
            with scope(municipality=soest), translation.override("en"):
                stays.move_in(second_person, place, today)
        except ValidationError as exc:
            outcome["errors"] = exc.message_dict

    one, two = in_thread(first), in_thread(second)
    assert inserted.wait(30)
    time.sleep(1)
    assert two.is_alive(), "the second booking should wait for the first transaction"
    release.set()
    one.join(30)
    two.join(30)
    assert list(outcome["errors"]) == ["place"]
    assert "has just been taken by another entry" in outcome["errors"]["place"][0]
    with scope(municipality=soest):
        assert list(Stay.objects.filter(place=place).values_list("person_id", flat=True)) \
            == [first_person.pk]
