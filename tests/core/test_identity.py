"""Accounts across towns (issue 10, finding 1 and must-be-true 2): a town admin manages
only its memberships; identity changes of an account that also serves another town need
every other town's admin or the platform operator, and reach every town's audit log."""

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scope, scopes_disabled

from kim.core.domain.municipalities import ensure_default_roles
from kim.core.models import (
    AuditEntry,
    IdentityApproval,
    IdentityChange,
    Membership,
    User,
)
from tests.conftest import PASSWORD, make_member, with_second_factor

NEW = "Neues-Einmal-Passwort-3"


@pytest.fixture
def shared(personas, soest, herne):
    """The Herne caseworker also works for Soest (school office there: a role without
    special categories, so only the other town decides; the four eyes for keys of roles
    with special categories are tested at the end)."""
    user = personas["foreign"].user
    roles = ensure_default_roles(soest)
    with scope(municipality=soest):
        membership = Membership.objects.create(municipality=soest, user=user)
        membership.roles.set([roles["school_office"]])
    return membership


@pytest.fixture
def herne_admin(herne):
    return make_member(herne, "admin-herne", "admin").user


def entries(user, **filters):
    with scopes_disabled():
        return list(AuditEntry.objects.filter(model="core.user", object_id=str(user.pk),
                                              **filters).order_by("id"))


def test_town_admin_cannot_reset_the_password_of_an_account_of_another_town(
        personas, shared, soest, herne):
    client = personas["admin"].client()
    response = client.post(f"/soest/admin/users/{shared.pk}/password/", {"password": NEW})
    assert response.status_code == 302
    user = User.objects.get(pk=shared.user_id)
    assert user.check_password(PASSWORD) and not user.check_password(NEW)
    assert not user.must_change_password
    change = IdentityChange.objects.get(user=user)
    assert (change.kind, change.status, change.requested_in) == ("password", "pending", soest)
    assert NEW not in change.password_hash and change.password_hash.startswith("md5$")
    with scopes_disabled():
        assert [(a.municipality, a.decision) for a in change.approvals.all()] == [
            (herne, "pending")]
    # the Soest admin cannot read Herne's case data with it: login still needs the old one
    assert Client().post("/accounts/login/", {"username": user.username,
                                              "password": NEW}).status_code == 200


def test_town_admin_cannot_change_the_email_of_a_shared_account(personas, shared, soest):
    client = personas["admin"].client()
    with scope(municipality=soest):
        steering = ensure_default_roles(soest)["steering"]
    response = client.post(f"/soest/admin/users/{shared.pk}/", {
        "first_name": "", "last_name": "", "email": "angreifer@example.invalid",
        "is_active": "on", "roles": [steering.pk]})
    assert response.status_code == 302
    user = User.objects.get(pk=shared.user_id)
    assert user.email == ""
    with scope(municipality=soest):  # the membership is Soest's own business: changed
        assert list(Membership.objects.get(pk=shared.pk).roles.all()) == [steering]
    change = IdentityChange.objects.get(user=user)
    assert (change.kind, change.profile) == (
        "profile", {"first_name": "", "last_name": "", "email": "angreifer@example.invalid"})


def test_the_change_applies_when_every_other_town_approved(
        personas, shared, soest, herne, herne_admin):
    personas["admin"].client().post(f"/soest/admin/users/{shared.pk}/password/",
                                    {"password": NEW})
    with scopes_disabled():
        approval = IdentityApproval.objects.get()
    herne_client = Client()
    herne_client.force_login(herne_admin)
    listing = herne_client.get("/herne/admin/users/identity/")
    assert f"/herne/admin/users/identity/{approval.pk}/" in listing.content.decode()
    # Soest cannot decide for Herne: the approval is Herne's object
    assert personas["admin"].client().post(f"/soest/admin/users/identity/{approval.pk}/",
                                           {"decision": "approve"}).status_code == 404
    response = herne_client.post(f"/herne/admin/users/identity/{approval.pk}/",
                                 {"decision": "approve"})
    assert response.status_code == 302
    user = User.objects.get(pk=shared.user_id)
    assert user.check_password(NEW) and user.must_change_password
    change = IdentityChange.objects.get()
    assert (change.status, change.decided_by, change.password_hash) == (
        "applied", herne_admin, "")
    # the password change is in the audit of both towns
    changed = entries(user, action="update", changes__has_key="password")
    assert sorted(e.municipality_id for e in changed) == sorted([soest.pk, herne.pk])


def test_a_rejection_by_another_town_ends_the_request(personas, shared, herne_admin):
    personas["admin"].client().post(f"/soest/admin/users/{shared.pk}/password/",
                                    {"password": NEW})
    with scopes_disabled():
        approval = IdentityApproval.objects.get()
    client = Client()
    client.force_login(herne_admin)
    client.post(f"/herne/admin/users/identity/{approval.pk}/", {"decision": "reject"})
    assert IdentityChange.objects.get().status == "rejected"
    assert User.objects.get(pk=shared.user_id).check_password(PASSWORD)
    again = client.post(f"/herne/admin/users/identity/{approval.pk}/", {"decision": "approve"})
    assert again.status_code == 200
    assert User.objects.get(pk=shared.user_id).check_password(PASSWORD)


def test_the_platform_operator_decides_alone(personas, shared, soest, herne):
    personas["admin"].client().post(f"/soest/admin/users/{shared.pk}/two-factor/")
    with_second_factor(shared.user)  # (set up after the request: the reset removes it)
    change = IdentityChange.objects.get()
    operator = User.objects.create(username="betrieb", is_superuser=True)
    client = Client()
    client.force_login(operator)
    assert f"/platform/identity/{change.pk}/" in client.get(
        "/platform/identity/").content.decode()
    assert client.post(f"/platform/identity/{change.pk}/",
                       {"decision": "approve"}).status_code == 302
    change.refresh_from_db()
    assert (change.status, change.decided_by) == ("applied", operator)
    assert not TOTPDevice.objects.filter(user=shared.user).exists()
    with scopes_disabled():
        assert {a.decision for a in change.approvals.all()} == {"closed"}
    reset = entries(shared.user, changes__has_key="second factor")
    assert sorted(e.municipality_id for e in reset) == sorted([soest.pk, herne.pk])


def test_platform_pages_are_for_the_operator_only(personas, shared):
    personas["admin"].client().post(f"/soest/admin/users/{shared.pk}/two-factor/")
    change = IdentityChange.objects.get()
    for name in ("admin", "caseworker"):
        client = personas[name].client()
        assert client.get("/platform/identity/").status_code == 404
        assert client.post(f"/platform/identity/{change.pk}/",
                           {"decision": "approve"}).status_code == 404
    assert Client().get("/platform/identity/")["Location"].startswith("/accounts/login/")
    assert IdentityChange.objects.get().status == "pending"


def test_the_operators_account_is_never_changed_by_a_town(personas, soest):
    operator = User.objects.create_user("betrieb", password=PASSWORD, is_superuser=True)
    with scope(municipality=soest):
        membership = Membership.objects.create(municipality=soest, user=operator)
    personas["admin"].client().post(f"/soest/admin/users/{membership.pk}/password/",
                                    {"password": NEW})
    operator.refresh_from_db()
    assert operator.check_password(PASSWORD)
    assert IdentityChange.objects.get().status == "pending"


def test_own_password_change_is_in_the_audit_of_every_town(shared, soest, herne):
    client = Client()
    client.force_login(shared.user)
    client.post("/accounts/password/", {"old_password": PASSWORD, "new_password1": NEW,
                                        "new_password2": NEW})
    changed = entries(shared.user, action="update", changes__has_key="password")
    assert sorted(e.municipality_id for e in changed) == sorted([soest.pk, herne.pk])


def test_an_account_of_one_town_alone_is_changed_directly(personas, soest):
    with scope(municipality=soest):
        member = Membership.objects.get(user=personas["benefits"].user)
    client = personas["admin"].client()
    client.post(f"/soest/admin/users/{member.pk}/", {
        "first_name": "Bea", "last_name": "Bauer", "email": "bea@example.invalid",
        "is_active": "on", "roles": []})
    user = User.objects.get(pk=member.user_id)
    assert (user.first_name, user.email) == ("Bea", "bea@example.invalid")
    assert not IdentityChange.objects.exists()


def test_a_newer_request_replaces_the_open_one(personas, shared):
    client = personas["admin"].client()
    client.post(f"/soest/admin/users/{shared.pk}/password/", {"password": NEW})
    client.post(f"/soest/admin/users/{shared.pk}/password/", {"password": NEW + "x"})
    assert [c.status for c in IdentityChange.objects.order_by("id")] == [
        "withdrawn", "pending"]
    with scopes_disabled():
        assert [a.decision for a in IdentityApproval.objects.order_by("id")] == [
            "closed", "pending"]


def test_creating_a_user_reveals_nothing_about_other_towns(personas, soest, herne):
    """The name of Herne's caseworker is free in Soest's name space: the form answers as for
    any new name; a name taken in Soest itself is refused."""
    client = personas["admin"].client()
    data = {"username": "caseworker-herne", "password": "Ein-gutes-Startpasswort-1",
            "roles": []}
    response = client.post("/soest/admin/users/new/", data)
    assert response.status_code == 302
    assert User.objects.filter(username="caseworker-herne@soest").exists()
    with scopes_disabled():
        herne_account = User.objects.get(username="caseworker-herne")
        assert list(Membership.objects.filter(user=herne_account)
                    .values_list("municipality__slug", flat=True)) == ["herne"]
    # a name with another town's suffix cannot even be typed
    response = client.post("/soest/admin/users/new/", {**data, "username": "x@herne"})
    assert "username" in response.context["form"].errors


# -- four eyes for the keys of accounts that read special categories -----------------------
def _caseworker(soest, personas):
    with scope(municipality=soest):
        return Membership.objects.get(user=personas["caseworker"].user)


def test_one_admin_alone_cannot_reset_a_caseworkers_password(personas, soest):
    """Otherwise the admin sets a password, logs in as the caseworker and reads case notes:
    the bypass of the four-eyes role grant."""
    member = _caseworker(soest, personas)
    admin = personas["admin"].client()
    response = admin.post(f"/soest/admin/users/{member.pk}/password/", {"password": NEW},
                          follow=True)
    assert "zweite Administratorin" in response.content.decode()
    user = User.objects.get(pk=member.user_id)
    assert user.check_password(PASSWORD) and not user.check_password(NEW)
    change = IdentityChange.objects.get(user=user)
    with scopes_disabled():
        approval = change.approvals.get()
    assert (approval.municipality, change.requested_in) == (soest, soest)
    # the requesting admin cannot approve it
    page = admin.get("/soest/admin/users/identity/").content.decode()
    assert "Ihr eigener Antrag" in page
    assert admin.post(f"/soest/admin/users/identity/{approval.pk}/",
                      {"decision": "approve"}).status_code == 200
    change.refresh_from_db()
    assert change.status == "pending"
    assert not User.objects.get(pk=user.pk).check_password(NEW)
    # a second admin of the town can
    second = Client()
    second.force_login(make_member(soest, "admin2-soest", "admin").user)
    assert second.post(f"/soest/admin/users/identity/{approval.pk}/",
                       {"decision": "approve"}).status_code == 302
    change.refresh_from_db()
    user.refresh_from_db()
    assert change.status == "applied"
    assert user.check_password(NEW) and user.must_change_password


def test_keys_of_a_role_without_special_categories_are_reset_directly(personas, soest):
    with scope(municipality=soest):
        member = Membership.objects.get(user=personas["school_office"].user)
    personas["admin"].client().post(f"/soest/admin/users/{member.pk}/password/",
                                    {"password": NEW})
    assert User.objects.get(pk=member.user_id).check_password(NEW)
    assert not IdentityChange.objects.exists()


def test_name_and_email_of_a_caseworker_stay_the_towns_own(personas, soest):
    """Only the keys need four eyes; the profile of a one-town account is changed directly."""
    member = _caseworker(soest, personas)
    with scope(municipality=soest):
        roles = [r.pk for r in member.roles.all()]
    personas["admin"].client().post(f"/soest/admin/users/{member.pk}/", {
        "first_name": "Cem", "last_name": "Can", "email": "cem@example.invalid",
        "is_active": "on", "roles": roles})
    assert User.objects.get(pk=member.user_id).email == "cem@example.invalid"
    assert not IdentityChange.objects.exists()
