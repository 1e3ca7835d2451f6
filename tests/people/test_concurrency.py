"""Two people create the same person at the same moment (PostgreSQL: real parallel
transactions; SQLite serialises writers, so the race cannot happen there).

Both requests pass the form's uniqueness check before either has written; the loser must
get the form error naming the external ID, not a 500 (issue 10)."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django_scopes import scope

from kim.people.domain.recording import record_person
from kim.people.models import Person
from tests.housing.test_concurrency import in_thread

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL: SQLite never runs two writers at once"),
    pytest.mark.django_db(transaction=True),
]


def test_parallel_creates_with_the_same_external_id(personas, soest):
    clients = [personas["caseworker"].client() for _ in range(4)]
    barrier = threading.Barrier(len(clients))
    answers = []

    def post(client, number):
        barrier.wait()
        response = client.post("/soest/persons/new/", {
            "family_name": f"Haddad{number}", "given_names": "Mariam", "birth": "01.03.1990",
            "sex": "f", "citizenship_codes": "SY", "external_id": "EXT-1", "confirm_new": "1"},
            HTTP_ACCEPT_LANGUAGE="en")
        errors = response.context["form"].errors if response.status_code == 200 else {}
        answers.append((response.status_code, dict(errors)))

    threads = [in_thread(post, client, n) for n, client in enumerate(clients)]
    for thread in threads:
        thread.join(60)
    assert sorted(code for code, _ in answers) == [200, 200, 200, 302]
    for code, errors in answers:
        if code == 200:  # lost: whichever check caught it, the field is named
            assert errors == {"external_id": ["Another person already has this external ID."]}
    with scope(municipality=soest):
        assert Person.objects.filter(external_id="EXT-1").count() == 1


def test_a_create_waits_for_a_concurrent_one_and_then_names_the_field(soest):
    """The second transaction passes validation (it cannot see the first's uncommitted
    row), waits at the unique index, and gets the field error once the first commits –
    the IntegrityError is caught inside its transaction."""
    inserted, release = threading.Event(), threading.Event()
    outcome = {}
    today = timezone.localdate()

    def person(name):
        return Person(municipality=soest, family_name=name, given_names="Mariam",
                      birth_date=today.replace(year=1990, day=1), citizenships=["SY"],
                      external_id="EXT-1")

    def first():
        with scope(municipality=soest), transaction.atomic():
            record_person(person("Haddad"), today)
            inserted.set()
            release.wait(30)

    def second():
        inserted.wait(30)
        try:
            with scope(municipality=soest), translation.override("en"):
                record_person(person("Hadad"), today)
        except ValidationError as exc:
            outcome["errors"] = exc.message_dict

    one, two = in_thread(first), in_thread(second)
    assert inserted.wait(30)
    time.sleep(1)
    assert two.is_alive(), "the second create should wait for the first transaction"
    release.set()
    one.join(30)
    two.join(30)
    assert outcome["errors"] == {"external_id": ["Another person already has this external ID."]}
    with scope(municipality=soest):
        assert list(Person.objects.values_list("family_name", flat=True)) == ["Haddad"]
