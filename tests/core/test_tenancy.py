"""Tenancy: every tenant-owned model is scoped; other municipalities' data answer 404."""

import pytest
from django.apps import apps
from django.db import models
from django_scopes import ScopeError, scope

from kim.core.models import Membership, Municipality, Role

# Models without a municipality: global by nature. A new model must either carry a
# municipality foreign key (and be scoped) or be listed here with its reason.
GLOBAL_MODELS = {
    "core.municipality": "the tenant itself",
    "core.user": "accounts are global; access comes from memberships",
    "sessions.session": "Django sessions",
    "contenttypes.contenttype": "Django internals",
    "auth.permission": "Django internals (unused)",
    "auth.group": "Django internals (unused)",
    "otp_totp.totpdevice": "an account's second factor; accounts are global",
    "core.loginthrottle": "login throttling, before any municipality is known",
    "core.recoverycode": "an account's recovery codes; accounts are global",
    "core.formsubmission": "one-time form tokens of a user, not data of a town",
    "django_tasks_database.dbtaskresult": "the task queue: rows carry a job id only; the job "
                                    "(core.job) belongs to the municipality",
    "core.identitychange": "a change of a (global) account; each town decides in its own "
                           "IdentityApproval",
}


def _municipality_fk(model: type[models.Model]):
    for field in model._meta.get_fields():
        if getattr(field, "related_model", None) is Municipality and field.concrete \
                and field.name == "municipality":
            return field
    return None


def test_every_model_is_scoped_or_declared_global():
    unscoped, undeclared = [], []
    for model in apps.get_models():
        label = model._meta.label_lower
        if _municipality_fk(model) is not None:
            if not hasattr(model._default_manager, "with_scopes_disabled"):
                unscoped.append(label)
        elif label not in GLOBAL_MODELS:
            undeclared.append(label)
    assert unscoped == [], f"tenant-owned but not scoped: {unscoped}"
    assert undeclared == [], f"no municipality and not declared global: {undeclared}"


@pytest.mark.django_db
def test_query_without_scope_raises(soest):
    with pytest.raises(ScopeError):
        list(Role.objects.all())


@pytest.mark.django_db
def test_scope_shows_only_own_rows(soest, herne):
    with scope(municipality=soest):
        assert {r.municipality_id for r in Role.objects.all()} == {soest.pk}
        assert Role.objects.count() == 9


def test_foreign_member_object_is_404(personas, herne):
    with scope(municipality=herne):
        foreign_membership = Membership.objects.get(user=personas["foreign"].user)
    client = personas["admin"].client()
    assert client.get(f"/soest/admin/users/{foreign_membership.pk}/").status_code == 404
    own = client.get("/soest/admin/users/").content.decode()
    assert "caseworker-herne" not in own


def test_unknown_municipality_is_404_like_a_foreign_one(personas):
    client = personas["caseworker"].client()
    assert client.get("/nowhere/").status_code == 404
    assert client.get("/herne/").status_code == 404


def test_inactive_membership_or_municipality_is_404(personas, soest):
    user = personas["caseworker"].user
    client = personas["caseworker"].client()
    assert client.get("/soest/").status_code == 200
    with scope(municipality=soest):
        Membership.objects.filter(user=user).update(is_active=False)
    assert client.get("/soest/").status_code == 404
    with scope(municipality=soest):
        Membership.objects.filter(user=user).update(is_active=True)
    Municipality.objects.filter(pk=soest.pk).update(is_active=False)
    assert client.get("/soest/").status_code == 404


def test_user_of_two_municipalities_gets_the_roles_of_each(soest, herne):
    from tests.conftest import make_member

    member = make_member(soest, "springer", "admin")
    with scope(municipality=herne):
        from kim.core.domain.users import set_roles

        roles = {r.builtin: r for r in Role.objects.all()}
        herne_member = Membership.objects.create(municipality=herne, user=member.user)
        set_roles(herne_member, [roles["caseworker"]])
    from django.test import Client

    client = Client()
    client.force_login(member.user)
    assert client.get("/soest/admin/users/").status_code == 200
    assert client.get("/herne/admin/users/").status_code == 403
    assert client.get("/herne/").status_code == 200
    page = client.get("/").content.decode()
    assert "/soest/" in page and "/herne/" in page


def test_reserved_slug_is_rejected(db):
    from django.core.exceptions import ValidationError

    from kim.core.domain.municipalities import create_municipality

    with pytest.raises(ValidationError) as err:
        create_municipality("accounts", "Accounts")
    assert "slug" in err.value.message_dict
