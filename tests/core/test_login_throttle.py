"""Login throttling (issue 10, "Lockout is per user name only"): growing delays per user
name, per known browser and per client address; counted, not logged row by row."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from kim.core.domain import throttle
from kim.core.models import AuditEntry, LoginThrottle
from tests.conftest import PASSWORD


def login(client, username, password=PASSWORD, address="192.0.2.10", **extra):
    return client.post("/accounts/login/", {"username": username, "password": password},
                       REMOTE_ADDR=address, **extra)


def let_time_pass(seconds):
    """Move every counter ``seconds`` into the past (instead of waiting)."""
    shift = timedelta(seconds=seconds)
    for row in LoginThrottle.objects.all():
        row.first_failure -= shift
        row.last_failure -= shift
        if row.blocked_until is not None:
            row.blocked_until -= shift
        row.save()


def failures_of(username):
    key = throttle._digest("user", throttle.normalise(username))
    return LoginThrottle.objects.get(kind="user", key=key).failures


def test_delays_grow_and_are_capped():
    assert [throttle.delay_after(n, 5) for n in range(1, 12)] == [
        0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]


def test_failures_delay_the_user_name_with_growing_delays_not_a_lock(personas):
    client = Client()
    for _ in range(4):
        assert login(client, "housing-soest", "falsch").status_code == 200
    fifth = login(client, "housing-soest", "falsch")  # the delay starts: 30 s, not 15 min
    assert (fifth.status_code, fifth["Retry-After"]) == (429, "30")
    waiting = login(client, "housing-soest")  # right password, not checked during the delay
    assert waiting.status_code == 429
    assert waiting["Retry-After"] == "30"
    assert "Bitte versuchen Sie es in 30 Sekunden erneut." in waiting.content.decode()
    assert login(Client(), "benefits-soest", "falsch").status_code == 200  # others unaffected
    let_time_pass(31)
    assert login(client, "housing-soest", "falsch").status_code == 429  # 6th failure
    assert failures_of("housing-soest") == 6
    assert login(client, "housing-soest")["Retry-After"] == "60"
    let_time_pass(61)
    assert login(client, "housing-soest").status_code == 302  # after the delay: in


def test_a_known_browser_logs_in_while_someone_else_floods_the_name(personas):
    desk = Client()
    assert login(desk, "housing-soest", address="192.0.2.10").status_code == 302
    desk.post("/accounts/logout/")
    attacker = Client()
    for _ in range(12):
        login(attacker, "housing-soest", "rate-mal", address="198.51.100.7")
    assert login(attacker, "housing-soest", address="198.51.100.7").status_code == 429
    # The colleague at her desk is not locked out by the attack on her name.
    assert login(desk, "housing-soest", address="192.0.2.10").status_code == 302


def test_one_address_trying_many_names_is_slowed_down(personas):
    client = Client()
    for i in range(49):
        assert login(client, f"probe-{i}", "falsch", address="203.0.113.9").status_code == 200
    assert login(client, "probe-49", "falsch", address="203.0.113.9").status_code == 429
    assert login(client, "probe-new", "falsch", address="203.0.113.9").status_code == 429
    assert login(client, "housing-soest", address="203.0.113.9").status_code == 429
    assert login(Client(), "housing-soest", address="203.0.113.10").status_code == 302


def test_a_town_hall_behind_one_address_keeps_working(personas):
    """30 colleagues mistype once each behind the town hall's NAT address: everyone
    still logs in (the address budget is for machines, not for offices)."""
    for i in range(30):
        assert login(Client(), f"kollege-{i}", "vertippt", address="192.0.2.1").status_code \
            == 200
    assert login(Client(), "housing-soest", address="192.0.2.1").status_code == 302


def test_failed_logins_are_counted_not_stored_one_row_each(personas):
    client = Client()
    for i in range(80):
        login(client, f"angreifer-{i}-<script>", "falsch", address="203.0.113.66")
    with scopes_disabled():
        assert not AuditEntry.objects.filter(object_repr__contains="angreifer").exists()
        assert not AuditEntry.objects.filter(actor_name__contains="angreifer").exists()
        address_entries = list(AuditEntry.objects.filter(action="login_failed"))
    assert LoginThrottle.objects.count() == 51  # 50 names were checked, one address
    assert all(re.fullmatch(r"[0-9a-f]{64}", row.key) for row in LoginThrottle.objects.all())
    # the address's delay started once (50th failure); later attempts were not checked
    assert [e.changes for e in address_entries] == [
        {"failures": 50, "delay seconds": 30, "counted per": "address",
         "address": "203.0.113.66"}]


def test_a_delay_of_an_account_is_audited_in_its_towns(personas, soest):
    client = Client()
    for _ in range(5):
        login(client, "housing-soest", "falsch")
    with scopes_disabled():
        entries = list(AuditEntry.objects.filter(action="login_failed",
                                                 object_repr="housing-soest"))
    assert [(e.municipality_id, e.changes) for e in entries] == [
        (soest.pk, {"failures": 5, "delay seconds": 30, "counted per": "user"})]


def test_counters_are_forgotten_after_an_hour_without_failure(personas):
    client = Client()
    for _ in range(4):
        login(client, "housing-soest", "falsch")
    let_time_pass(3601)
    assert login(client, "housing-soest", "falsch").status_code == 200
    assert failures_of("housing-soest") == 1


def test_user_names_are_counted_normalised(personas):
    client = Client()
    for name in ("Housing-Soest", "HOUSING-SOEST ", "housing-soest", "ＨＯＵＳＩＮＧ-soest",
                 "housing-Soest"):
        login(client, name, "falsch")
    assert login(client, "housing-soest")["Retry-After"] == "30"


def test_throttled_page_in_english(personas):
    client = Client()
    for _ in range(5):
        login(client, "housing-soest", "falsch")
    page = login(client, "housing-soest", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 429
    assert "Please try again in 30 seconds." in page.content.decode()


@pytest.mark.parametrize(("remote", "forwarded", "proxies", "network"), [
    ("192.0.2.7", "", 0, "192.0.2.7"),
    ("2001:db8:1:2:3:4:5:6", "", 0, "2001:db8:1:2::/64"),
    ("::ffff:192.0.2.7", "", 0, "192.0.2.7"),
    ("10.0.0.1", "198.51.100.1, 203.0.113.5", 1, "203.0.113.5"),
    ("10.0.0.1", "198.51.100.1, 203.0.113.5", 2, "198.51.100.1"),
    ("10.0.0.1", "forged", 0, "10.0.0.1"),  # no proxy configured: the header is ignored
    ("not an address", "", 0, "unknown"),
])
def test_client_network(settings, rf, remote, forwarded, proxies, network):
    settings.PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert throttle.client_network(request) == network


def test_a_forged_known_browser_cookie_is_ignored(personas):
    client = Client()
    client.cookies["kim_device"] = "forged:value"
    for _ in range(5):
        login(client, "housing-soest", "falsch")
    assert login(client, "housing-soest").status_code == 429
    assert timezone.now() < LoginThrottle.objects.get(kind="user").blocked_until
