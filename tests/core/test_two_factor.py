"""Two-factor login (issue 10, must-be-true 4): TOTP with recovery codes, required per
role by the municipality's dated policy, always for the platform operator."""

import datetime
import re

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scope, scopes_disabled

from kim.core.domain import settings as policy
from kim.core.domain import twofactor
from kim.core.domain.roles import save_custom_role
from kim.core.models import AuditEntry, IdentityApproval, Membership, RecoveryCode, User
from tests.conftest import PASSWORD, make_member, totp_code, with_second_factor


def login(client, username, password=PASSWORD):
    return client.post("/accounts/login/", {"username": username, "password": password})


def codes_on(page: str) -> list[str]:
    return re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", page)


def test_caseworker_without_second_factor_sets_one_up_before_getting_a_session(personas):
    client = Client()
    response = login(client, "caseworker-soest")
    assert response["Location"] == "/accounts/login/setup/"
    assert client.get("/soest/")["Location"].startswith("/accounts/login/")  # no session yet
    page = client.get("/accounts/login/setup/").content.decode()
    assert '<img class="qr" src="data:image/svg+xml' in page  # rendered here, no outside URL
    device = TOTPDevice.objects.get(user=personas["caseworker"].user)
    assert not device.confirmed
    assert re.sub(r"\s", "", re.search(r'<code class="secret">([A-Z2-7 ]+)</code>',
                                       page)[1]) == twofactor.secret_text(device).replace(" ", "")
    wrong = client.post("/accounts/login/setup/", {"code": "000000"})
    assert "Der Code stimmt nicht" in wrong.content.decode()
    done = client.post("/accounts/login/setup/", {"code": totp_code(device)})
    assert done.status_code == 200
    codes = codes_on(done.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "no-store" in done["Cache-Control"]
    assert client.get("/soest/").status_code == 200  # now logged in
    device.refresh_from_db()
    assert device.confirmed
    stored = list(RecoveryCode.objects.filter(user=personas["caseworker"].user))
    assert len(stored) == 10
    for row in stored:  # hashes, never the codes
        identify_hasher(row.code_hash)
        assert not any(c.replace("-", "") in row.code_hash for c in codes)
    # the pending enrolment secret did not change on reload
    assert TOTPDevice.objects.filter(user=personas["caseworker"].user).count() == 1


def test_user_with_second_factor_enters_the_apps_code(personas):
    device = with_second_factor(personas["housing"].user)  # set up voluntarily
    client = Client()
    response = client.post("/accounts/login/?next=/soest/persons/",
                           {"username": "housing-soest", "password": PASSWORD})
    assert response["Location"] == "/accounts/login/verify/"
    assert client.get("/soest/").status_code == 302
    wrong = client.post("/accounts/login/verify/", {"code": "123456"})
    assert wrong.status_code == 200 and "Der Code stimmt nicht" in wrong.content.decode()
    done = client.post("/accounts/login/verify/", {"code": totp_code(device)})
    assert done["Location"] == "/soest/persons/"
    assert client.get("/soest/").status_code == 200
    with scopes_disabled():
        entry = AuditEntry.objects.filter(action="login").latest("id")
    assert entry.changes == {"second factor": "totp", "failures before": 1}


def test_a_recovery_code_works_once(personas):
    user = personas["caseworker"].user
    device = twofactor.pending_device(user)
    codes = twofactor.confirm(device, totp_code(device))
    client = Client()
    login(client, "caseworker-soest")
    assert client.post("/accounts/login/verify/", {"code": codes[3].upper()})["Location"] == "/"
    assert twofactor.remaining_codes(user) == 9
    again = Client()
    login(again, "caseworker-soest")
    assert again.post("/accounts/login/verify/", {"code": codes[3]}).status_code == 200
    assert again.get("/soest/").status_code == 302


def test_a_pending_login_expires_after_five_minutes(personas):
    device = with_second_factor(personas["housing"].user)
    client = Client()
    login(client, "housing-soest")
    session = client.session
    pending = session["kim_pending_login"]
    session["kim_pending_login"] = {**pending, "since": pending["since"] - 301}
    session.save()
    response = client.post("/accounts/login/verify/", {"code": totp_code(device)})
    assert response["Location"] == "/accounts/login/"
    assert client.get("/soest/").status_code == 302


def test_wrong_codes_are_throttled_like_passwords(personas):
    with_second_factor(personas["housing"].user)
    client = Client()
    login(client, "housing-soest")
    answers = [client.post("/accounts/login/verify/", {"code": "000000"}).status_code
               for _ in range(5)]
    assert answers == [200, 200, 200, 200, 429]


def test_policy_decides_who_needs_a_second_factor(personas, soest):
    users = {name: personas[name].user for name in
             ("caseworker", "benefits", "admin", "housing", "steering")}
    assert {n for n, u in users.items() if twofactor.is_required(u)} == {
        "caseworker", "benefits", "admin"}
    with scope(municipality=soest):
        policy.record(soest, twofactor.POLICY_KEY, datetime.date(2020, 1, 1),
                      "housing, caseworker", "", None)
    assert {n for n, u in users.items() if twofactor.is_required(u)} == {
        "caseworker", "housing"}
    with scope(municipality=soest):
        policy.record(soest, twofactor.POLICY_KEY, datetime.date(2020, 1, 2), "–", "", None)
    assert not any(twofactor.is_required(u) for u in users.values())
    operator = User.objects.create(username="betrieb", is_superuser=True)
    assert twofactor.is_required(operator)  # the platform operator always


def test_a_custom_role_with_case_access_needs_a_second_factor(personas, soest):
    with scope(municipality=soest):
        notes = save_custom_role(soest, name="Fallarbeit light", description="",
                                 permissions=["people.restricted:read"])
        lists = save_custom_role(soest, name="Nur Personenliste", description="",
                                 permissions=["people.persons:read"])
        a = make_member(soest, "custom-notes").user
        b = make_member(soest, "custom-list").user
        Membership.objects.get(user=a).roles.set([notes])
        Membership.objects.get(user=b).roles.set([lists])
    assert twofactor.is_required(a)  # only caseworkers read notes by default
    assert not twofactor.is_required(b)  # housing reads persons too


def test_policy_setting_accepts_role_codes_only(personas, soest):
    client = personas["admin"].client()
    url = f"/soest/admin/settings/{twofactor.POLICY_KEY}/"
    assert client.get(url).status_code == 200
    bad = client.post(url, {"valid_from": "2026-01-01", "value": "caseworker, chef",
                            "note": ""})
    assert bad.status_code == 200 and "chef" in bad.content.decode()
    good = client.post(url, {"valid_from": "2026-01-01", "value": "admin,caseworker",
                             "note": "Beschluss"})
    assert good.status_code == 302
    with scope(municipality=soest):
        assert policy.setting(soest, twofactor.POLICY_KEY, datetime.date(2026, 1, 2)) == [
            "caseworker", "admin"]


def test_new_recovery_codes_need_a_current_code(personas):
    user = personas["caseworker"].user
    device = twofactor.pending_device(user)
    old = twofactor.confirm(device, totp_code(device))
    client = personas["caseworker"].client()
    assert client.get("/accounts/security/").status_code == 200
    refused = client.post("/accounts/security/", {"action": "codes", "code": "000000"})
    assert refused.status_code == 200
    assert not twofactor.use_recovery_code(user, "aaaaa-aaaaa")
    page = client.post("/accounts/security/", {"action": "codes",
                                                "code": totp_code(device)})
    new = codes_on(page.content.decode())
    assert len(new) == 10
    assert not twofactor.use_recovery_code(user, old[0])
    assert twofactor.use_recovery_code(user, new[0])
    # a required factor cannot be turned off by the user
    client.post("/accounts/security/", {"action": "disable", "code": totp_code(device)})
    assert twofactor.has_second_factor(user)


def test_a_voluntary_factor_can_be_set_up_and_turned_off(personas):
    user = personas["housing"].user
    client = personas["housing"].client()
    page = client.get("/accounts/security/setup/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert len(codes_on(client.post("/accounts/security/setup/",
                                    {"code": totp_code(device)}).content.decode())) == 10
    assert twofactor.has_second_factor(user)
    client.post("/accounts/security/", {"action": "disable", "code": totp_code(device)})
    assert not twofactor.has_second_factor(user)
    assert not RecoveryCode.objects.filter(user=user).exists()


def test_admin_resets_the_second_factor_of_a_member(personas, soest):
    user = personas["caseworker"].user
    with_second_factor(user)
    with scope(municipality=soest):
        member = Membership.objects.get(user=user)
    client = personas["admin"].client()
    assert client.get(f"/soest/admin/users/{member.pk}/two-factor/").status_code == 200
    response = client.post(f"/soest/admin/users/{member.pk}/two-factor/")
    assert response.status_code == 302
    # a caseworker reads special categories: a second admin approves the reset
    assert TOTPDevice.objects.filter(user=user).exists()
    with scopes_disabled():
        approval = IdentityApproval.objects.get(change__user=user, municipality=soest)
    second = Client()
    second.force_login(make_member(soest, "admin2-soest", "admin").user)
    assert second.post(f"/soest/admin/users/identity/{approval.pk}/",
                       {"decision": "approve"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    with scopes_disabled():
        entry = AuditEntry.objects.filter(model="core.user", object_id=str(user.pk)).latest("id")
    assert (entry.municipality_id, entry.changes) == (
        soest.pk, {"second factor": ["authenticator app", None]})
    fresh = Client()
    assert login(fresh, "caseworker-soest")["Location"] == "/accounts/login/setup/"


@pytest.mark.parametrize("url", ["/accounts/login/verify/", "/accounts/login/setup/"])
def test_second_steps_without_a_password_go_back_to_the_login(db, url):
    response = Client().get(url)
    assert response["Location"] == "/accounts/login/"
