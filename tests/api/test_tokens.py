"""Personal access tokens: stored hashed, shown once, expiring, revocable, audited; the
page of the user's own tokens; the command."""

import datetime
import hashlib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_scopes import scope

from kim.api.models import ApiToken
from kim.core.models import AuditEntry
from tests.api.conftest import token_for

pytestmark = pytest.mark.django_db


def test_only_the_hash_is_stored(personas, soest):
    raw = token_for(personas["caseworker"].user, soest)
    with scope(municipality=soest):
        token = ApiToken.objects.get()
        entry = AuditEntry.objects.get(model="api.apitoken", action="create")
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in str(entry.changes) and token.token_hash not in str(entry.changes)
    assert token.prefix == raw[:12]


def test_expired_and_revoked_tokens_are_refused(client, personas, soest):
    raw = token_for(personas["caseworker"].user, soest)
    url, auth = "/api/v1/soest/persons/", {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert client.get(url, **auth).status_code == 200
    with scope(municipality=soest):
        ApiToken.objects.filter().update(expires_at=timezone.now() - datetime.timedelta(1))
    assert client.get(url, **auth).status_code == 401
    with scope(municipality=soest):
        ApiToken.objects.filter().update(expires_at=timezone.now() + datetime.timedelta(1),
                                         revoked_at=timezone.now())
    assert client.get(url, **auth).status_code == 401


def test_a_token_loses_what_the_role_loses(client, personas, soest):
    """The token carries no permissions of its own: the membership's roles decide."""
    raw = token_for(personas["caseworker"].user, soest)
    with scope(municipality=soest):
        membership = personas["caseworker"].user.memberships.get()
        membership.is_active = False
        membership.save()
    r = client.get("/api/v1/soest/persons/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert r.status_code == 404


def test_page_creates_shows_once_and_revokes(personas, soest):
    client = personas["housing"].client()
    r = client.post("/soest/api-tokens/", {"name": "Lager", "access": "read", "days": "30"})
    assert r.status_code == 200
    with scope(municipality=soest):
        token = ApiToken.objects.get()
    raw = r.context["new"].raw
    assert raw.startswith(token.prefix) and raw.encode() in r.content
    again = client.get("/soest/api-tokens/")
    assert raw.encode() not in again.content and token.prefix.encode() in again.content
    # another user's token is not found on the revoke page
    other = personas["caseworker"].client()
    assert other.post(f"/soest/api-tokens/{token.pk}/revoke/").status_code == 404
    assert client.post(f"/soest/api-tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_page_refuses_bad_input(personas, soest):
    r = personas["housing"].client().post("/soest/api-tokens/",
                                          {"name": "x", "access": "read", "days": "999"})
    assert r.status_code == 200
    assert "days" in r.context["form"].errors
    with scope(municipality=soest):
        assert not ApiToken.objects.exists()


def test_command_creates_lists_and_revokes(personas, soest, capsys):
    call_command("api", "token", "create", "caseworker-soest", "--municipality", "soest",
                 "--scope", "write", "--module", "people", "--expires", "7")
    raw = capsys.readouterr().out.strip()
    with scope(municipality=soest):
        token = ApiToken.objects.get()
    assert raw.startswith("kim_") and token.prefix == raw[:12]
    assert (token.access, token.modules) == ("write", ["people"])
    assert token.expires_at.date() == (timezone.now() + datetime.timedelta(7)).date()
    call_command("api", "token", "list", "caseworker-soest", "--municipality", "soest")
    assert capsys.readouterr().out.startswith(f"{token.prefix}\tcommand line\twrite\tpeople\t")
    call_command("api", "token", "revoke", token.prefix, "--municipality", "soest")
    token.refresh_from_db()
    assert token.revoked_at is not None


@pytest.mark.parametrize("args, message", [
    (["--module", "nonsense"], "modules: Unknown module: nonsense"),
    (["--expires", "0"], "expires: A token expires after 1 to 366 days."),
])
def test_command_errors_name_the_option(personas, soest, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("api", "token", "create", "caseworker-soest", "--municipality", "soest",
                     *args)


def test_browser_session_works_and_writes_need_csrf(personas, soest):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["caseworker"].user)
    assert client.get("/api/v1/soest/persons/").status_code == 200
    r = client.post("/api/v1/soest/persons/", {"family_name": "X"},
                    content_type="application/json")
    assert r.status_code == 403
    assert "CSRF" in r.json()["detail"]
