"""Login, session timeout, password change and user administration (throttling:
test_login_throttle.py, second factor: test_two_factor.py)."""

from django.conf import settings
from django.test import Client
from django.utils import translation
from django_scopes import scope

from kim.core.models import Membership, Role, User
from tests.conftest import PASSWORD


def login(client, username, password=PASSWORD):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_login_lands_on_start_page_and_logout_ends_session(personas):
    client = Client()
    response = login(client, "housing-soest")  # a role without a second factor
    assert response.status_code == 302
    assert client.get(response["Location"], follow=True).request["PATH_INFO"] == "/soest/"
    client.post("/accounts/logout/")
    assert client.get("/soest/").status_code == 302


def test_wrong_password_shows_message(personas):
    response = login(Client(), "caseworker-soest", "falsch")
    assert response.status_code == 200
    assert "Benutzername oder Passwort" in response.content.decode()


def _session_seconds_left(client):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    session = Session.objects.get(session_key=client.session.session_key)
    return (session.expire_date - timezone.now()).total_seconds(), session


def test_session_idle_timeout_is_sliding(personas):
    from datetime import timedelta

    from django.utils import timezone

    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client = Client()
    login(client, "housing-soest")
    left, session = _session_seconds_left(client)
    assert 1790 < left <= 1800
    session.expire_date = timezone.now() + timedelta(seconds=60)  # 29 idle minutes later
    session.save()
    assert client.get("/soest/").status_code == 200
    left, session = _session_seconds_left(client)
    assert left > 1790  # the request renewed the idle timer
    session.expire_date = timezone.now() - timedelta(seconds=1)  # idle for 30 minutes
    session.save()
    response = client.get("/soest/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_production_hashing_is_argon2():
    from kim.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_admin_creates_user_with_roles_who_must_change_password(personas, soest):
    client = personas["admin"].client()
    with scope(municipality=soest):
        # school office: a role without special categories (those wait for a second
        # admin: tests/core/test_grants.py) and without a second factor by default
        housing = Role.objects.get(builtin="school_office")
    response = client.post("/soest/admin/users/new/", {
        "username": "neu", "first_name": "Nora", "last_name": "Neumann", "email": "",
        "password": "Ein-gutes-Startpasswort-1", "roles": [housing.pk]})
    assert response.status_code == 302
    user = User.objects.get(username="neu@soest")  # the town's own name space
    assert user.must_change_password
    with scope(municipality=soest):
        assert list(Membership.objects.get(user=user).roles.all()) == [housing]
    fresh = Client()
    login(fresh, "neu@soest", "Ein-gutes-Startpasswort-1")
    assert fresh.get("/soest/")["Location"] == "/accounts/password/"
    response = fresh.post("/accounts/password/", {
        "old_password": "Ein-gutes-Startpasswort-1",
        "new_password1": "Mein-eigenes-Passwort-7", "new_password2": "Mein-eigenes-Passwort-7"})
    assert response.status_code == 302
    assert fresh.get("/soest/").status_code == 200


def test_create_user_validation_names_the_fields(personas):
    client = personas["admin"].client()
    data = {"username": "doppelt", "password": "Ein-gutes-Startpasswort-1", "roles": []}
    assert client.post("/soest/admin/users/new/", data).status_code == 302
    response = client.post("/soest/admin/users/new/", data)
    assert response.status_code == 200
    form = response.context["form"]
    with translation.override("de"):
        assert form.errors["username"] == ["Dieser Benutzername ist in dieser Kommune "
                                           "bereits vergeben."]
    assert User.objects.filter(username="doppelt@soest").count() == 1
    response = client.post("/soest/admin/users/new/", {"username": "x y!", "password": "kurz"})
    assert "username" in response.context["form"].errors
    response = client.post("/soest/admin/users/new/", {"username": "a@b", "password": "kurz"})
    assert "username" in response.context["form"].errors
    response = client.post("/soest/admin/users/new/", {"username": "okname", "password": "kurz"})
    assert "password" in response.context["form"].errors
    assert not User.objects.filter(username__startswith="okname").exists()


def test_admin_changes_roles_and_deactivates(personas, soest):
    client = personas["admin"].client()
    with scope(municipality=soest):
        member = Membership.objects.get(user=personas["caseworker"].user)
        steering = Role.objects.get(builtin="steering")
    response = client.post(f"/soest/admin/users/{member.pk}/", {
        "first_name": "C", "last_name": "W", "email": "", "roles": [steering.pk]})
    assert response.status_code == 302
    with scope(municipality=soest):
        member.refresh_from_db()
        assert not member.is_active
        assert list(member.roles.all()) == [steering]
    assert personas["caseworker"].client().get("/soest/").status_code == 404


def test_admin_cannot_lock_themselves_out(personas, soest):
    client = personas["admin"].client()
    with scope(municipality=soest):
        own = Membership.objects.get(user=personas["admin"].user)
    response = client.post(f"/soest/admin/users/{own.pk}/", {"first_name": "", "roles": []})
    assert response.status_code == 200
    assert "is_active" in response.context["form"].errors


def test_admin_sets_one_time_password(personas, soest):
    """Directly for a role without special categories (the keys of a caseworker need a
    second admin: tests/core/test_identity.py)."""
    with scope(municipality=soest):
        member = Membership.objects.get(user=personas["school_office"].user)
    client = personas["admin"].client()
    response = client.post(f"/soest/admin/users/{member.pk}/password/",
                           {"password": "Neues-Einmal-Passwort-3"})
    assert response.status_code == 302
    user = User.objects.get(pk=member.user_id)
    assert user.must_change_password and user.check_password("Neues-Einmal-Passwort-3")


def test_role_form_lists_registry_and_rejects_unknown(personas):
    client = personas["admin"].client()
    page = client.get("/soest/admin/roles/new/").content.decode()
    assert 'value="core.audit:read"' in page
    response = client.post("/soest/admin/roles/new/",
                           {"name": "X", "permissions": ["core.users:fly"]})
    assert response.status_code == 200
    assert "permissions" in response.context["form"].errors
