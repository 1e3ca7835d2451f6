"""Password policy (issue 10: "weak passwords (aaaaaaaaaaaa, the published demo password)
are accepted"): length ≥ 12, common passwords (Django's and German ones) also with
padding, too little variety, and the demo password outside demo mode."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django_scopes import scope

from kim.core.demo import load_demo
from kim.core.domain.passwords import DEMO_PASSWORD, allow_demo_password
from kim.core.models import Membership, User


def codes(password):
    try:
        validate_password(password)
    except ValidationError as error:
        return {e.code for e in error.error_list}
    return set()


@pytest.mark.parametrize(("password", "code"), [
    ("aaaaaaaaaaaa", "password_low_variety"),
    ("abcabcabcabc", "password_low_variety"),
    ("Hallo!Hallo!", "password_low_variety"),
    ("abcdefghijkl", "password_low_variety"),
    ("wertzuiopüqw", "password_low_variety"),
    ("1a1a1a1a1a1a1", "password_low_variety"),
    ("Sommer2026!!", "password_common_word"),
    ("P@ssw0rt1234", "password_common_word"),
    ("Schalke04-1904", "password_common_word"),
    ("!!Fußball2026", "password_common_word"),
    ("Willkommen123", "password_common_word"),
    ("Password2026!", "password_common_word"),  # Django's list, padded
    ("kurz", "password_too_short"),
    (DEMO_PASSWORD, "password_demo"),
    (DEMO_PASSWORD.upper(), "password_demo"),
])
def test_weak_passwords_are_refused(password, code):
    assert code in codes(password)


@pytest.mark.parametrize("password", ["Test-Passwort-2026!", "Ahorn Tinte Kanal 7",
                                      "Ein-gutes-Startpasswort-1", "lila-Baum-fährt-Rad",
                                      "Mein-eigenes-Passwort-7"])
def test_good_passwords_pass(password):
    assert codes(password) == set()


def test_demo_password_is_accepted_in_demo_mode(settings):
    settings.DEMO = True
    assert codes(DEMO_PASSWORD) == set()
    settings.DEMO = False
    with allow_demo_password():
        assert codes(DEMO_PASSWORD) == set()
    assert codes(DEMO_PASSWORD) == {"password_demo"}


def test_admin_cannot_set_a_weak_one_time_password(personas, soest):
    with scope(municipality=soest):
        member = Membership.objects.get(user=personas["caseworker"].user)
    client = personas["admin"].client()
    for weak in ("aaaaaaaaaaaa", DEMO_PASSWORD):
        response = client.post(f"/soest/admin/users/{member.pk}/password/",
                               {"password": weak})
        assert response.status_code == 200
        assert "password" in response.context["form"].errors
    assert User.objects.get(pk=member.user_id).check_password("Test-Passwort-2026!")


def test_users_cannot_choose_the_demo_password(personas):
    client = personas["housing"].client()
    response = client.post("/accounts/password/", {
        "old_password": "Test-Passwort-2026!", "new_password1": DEMO_PASSWORD,
        "new_password2": DEMO_PASSWORD})
    assert response.status_code == 200
    assert User.objects.get(username="housing-soest").check_password("Test-Passwort-2026!")


@pytest.mark.django_db
def test_the_demo_still_logs_in_with_the_demo_password(settings):
    settings.DEMO = False  # loading the demo data does not need demo mode
    load_demo()
    response = Client().post("/accounts/login/", {"username": "koordination",
                                                  "password": DEMO_PASSWORD})
    assert response.status_code == 302
    # the demo towns ask no second factor of the demo logins; the operator must set one up
    assert Client().post("/accounts/login/", {"username": "fallarbeit",
                                              "password": DEMO_PASSWORD})["Location"] == "/"
    assert Client().post("/accounts/login/", {"username": "betrieb", "password": DEMO_PASSWORD}
                         )["Location"] == "/accounts/login/setup/"
