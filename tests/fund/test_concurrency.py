"""Two decisions at the same time cannot overspend (PostgreSQL: real parallel
transactions; SQLite never runs two writers at once)."""

import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import translation
from django_scopes import scope

from kim.fund.domain import decisions
from kim.fund.models import Application
from tests.fund.factories import ApplicationFactory, FundYearFactory, RoundFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL: SQLite never runs two writers at once"),
    pytest.mark.django_db(transaction=True),
]


def in_thread(target):
    def run():
        try:
            target()
        finally:
            connection.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def two(soest):
    with scope(municipality=soest):
        year = FundYearFactory(municipality=soest, year=2100, budget=Decimal("10000.00"))
        round_ = RoundFactory(fund_year=year)
        return [ApplicationFactory(round=round_, amount_requested=Decimal("6000.00"))
                for _ in range(2)]


def decide(soest, app):
    with scope(municipality=soest), translation.override("en"):
        return decisions.decide(app, approve=True, amount=Decimal("6000.00"),
                                conditions="", checks={}, on=app.submitted_on)


def test_the_second_decision_waits_and_is_refused(soest, two):
    decided, release = threading.Event(), threading.Event()
    outcome = {}

    def first():
        with transaction.atomic():
            decide(soest, two[0])
            decided.set()
            release.wait(30)

    def second():
        decided.wait(30)
        try:
            decide(soest, two[1])
            outcome["second"] = "approved"
        except ValidationError as exc:
            outcome["errors"] = exc.message_dict

    one, other = in_thread(first), in_thread(second)
    assert decided.wait(30)
    time.sleep(1)
    assert other.is_alive(), "the second decision should wait for the first transaction"
    release.set()
    one.join(30)
    other.join(30)
    assert outcome == {"errors": {"amount_granted": [
        "The budget of 2100 has only 4,000.00 € available; 6,000.00 € cannot be "
        "committed."]}}
    with scope(municipality=soest):
        assert list(Application.objects.filter(decision="approved")
                    .values_list("pk", flat=True)) == [two[0].pk]


def test_parallel_decisions_commit_at_most_the_budget(soest, two):
    barrier = threading.Barrier(2)
    results = []

    def run(app):
        def target():
            barrier.wait()
            try:
                decide(soest, app)
                results.append("approved")
            except ValidationError:
                results.append("refused")
        return target

    threads = [in_thread(run(app)) for app in two]
    for thread in threads:
        thread.join(60)
    assert sorted(results) == ["approved", "refused"]
    with scope(municipality=soest):
        assert Application.objects.filter(decision="approved").count() == 1
