"""Four-eyes approval for roles that read special categories (finding: "an admin can also
give itself the caseworker role and read notes – audited, but with nobody else involved")."""

from __future__ import annotations

import pytest
from django.test import Client
from django_scopes import scope, scopes_disabled

from kim.core.audit.privacy import special_permissions
from kim.core.domain.roles import save_custom_role
from kim.core.models import AuditEntry, Membership, Role, RoleGrant
from tests.conftest import make_member
from tests.people.factories import PersonFactory


@pytest.fixture
def admins(personas, soest):
    """Three admins: the persona and two more."""
    second = make_member(soest, "admin2-soest", "admin")
    third = make_member(soest, "admin3-soest", "admin")
    return {"a": personas["admin"].user, "b": second.user, "c": third.user}


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def membership_of(soest, user) -> Membership:
    with scope(municipality=soest):
        return Membership.objects.get(user=user)


def role(soest, code) -> Role:
    with scope(municipality=soest):
        return Role.objects.get(builtin=code)


def edit(client, soest, user, *codes):
    member = membership_of(soest, user)
    return client.post(f"/soest/admin/users/{member.pk}/", {
        "first_name": "", "last_name": "", "email": "", "is_active": "on",
        "roles": [role(soest, c).pk for c in codes]})


def held(soest, user) -> set[str]:
    with scope(municipality=soest):
        return {r.builtin for r in membership_of(soest, user).roles.all()}


def grant_for(soest, user) -> RoleGrant:
    with scope(municipality=soest):
        return RoleGrant.objects.get(membership__user=user)


def test_an_admin_cannot_give_itself_the_caseworker_role_alone(admins, soest):
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest)
    me = client_of(admins["a"])
    response = edit(me, soest, admins["a"], "admin", "caseworker")
    assert response.status_code == 302
    assert held(soest, admins["a"]) == {"admin"}  # not yet
    assert me.get(f"/soest/casework/persons/{person.pk}/").status_code == 403
    grant = grant_for(soest, admins["a"])
    assert grant.status == "pending" and grant.requested_by == admins["a"]

    # The same admin cannot approve it (requester and member).
    page = me.post(f"/soest/admin/users/grants/{grant.pk}/", {"decision": "approve"})
    assert page.status_code == 200
    assert "selbst beantragt" in page.content.decode()
    assert held(soest, admins["a"]) == {"admin"}

    # A second admin approves: now it takes effect.
    response = client_of(admins["b"]).post(f"/soest/admin/users/grants/{grant.pk}/",
                                           {"decision": "approve"})
    assert response.status_code == 302
    assert held(soest, admins["a"]) == {"admin", "caseworker"}
    assert me.get(f"/soest/casework/persons/{person.pk}/").status_code == 200
    grant.refresh_from_db()
    assert (grant.status, grant.decided_by) == ("approved", admins["b"])
    with scopes_disabled():
        log = list(AuditEntry.objects.filter(model="core.rolegrant", object_id=str(grant.pk))
                   .order_by("id"))
    assert [e.action for e in log] == ["create", "update"]
    assert log[0].actor_name == "admin-soest" and log[1].actor_name == "admin2-soest"
    assert log[1].changes["status"] == ["pending", "approved"]


def test_neither_requester_nor_grantee_may_approve(admins, soest):
    """Admin B asks for admin A: only C can approve."""
    edit(client_of(admins["b"]), soest, admins["a"], "admin", "caseworker")
    grant = grant_for(soest, admins["a"])
    for user in (admins["a"], admins["b"]):
        page = client_of(user).post(f"/soest/admin/users/grants/{grant.pk}/",
                                    {"decision": "approve"})
        assert page.status_code == 200, user
    assert held(soest, admins["a"]) == {"admin"}
    grant.refresh_from_db()
    assert grant.status == "pending"
    client_of(admins["c"]).post(f"/soest/admin/users/grants/{grant.pk}/",
                                {"decision": "approve"})
    assert held(soest, admins["a"]) == {"admin", "caseworker"}


def test_roles_without_special_categories_take_effect_at_once(admins, personas, soest):
    edit(client_of(admins["a"]), soest, personas["steering"].user, "steering", "coordinator")
    assert held(soest, personas["steering"].user) == {"steering", "coordinator"}
    with scope(municipality=soest):
        assert not RoleGrant.objects.exists()


def test_new_user_with_a_special_role_waits_for_approval(admins, soest):
    response = client_of(admins["a"]).post("/soest/admin/users/new/", {
        "username": "neu-fallarbeit", "first_name": "", "last_name": "", "email": "",
        "password": "Ein-langes-Passwort-42", "roles": [role(soest, "caseworker").pk,
                                                         role(soest, "steering").pk]})
    assert response.status_code == 302
    with scopes_disabled():
        member = Membership.objects.get(user__username="neu-fallarbeit@soest")
    assert held(soest, member.user) == {"steering"}
    assert grant_for(soest, member.user).role.builtin == "caseworker"


def test_unticking_a_pending_role_withdraws_the_request(admins, soest):
    me = client_of(admins["a"])
    edit(me, soest, admins["b"], "admin", "caseworker")
    member = membership_of(soest, admins["b"])
    form = me.get(f"/soest/admin/users/{member.pk}/").content.decode()
    assert "Wartet auf die Genehmigung" in form
    edit(me, soest, admins["b"], "admin")
    grant = grant_for(soest, admins["b"])
    assert grant.status == "withdrawn" and grant.decided_by == admins["a"]


def test_another_admin_may_reject(admins, soest):
    edit(client_of(admins["a"]), soest, admins["b"], "admin", "caseworker")
    grant = grant_for(soest, admins["b"])
    client_of(admins["c"]).post(f"/soest/admin/users/grants/{grant.pk}/",
                                {"decision": "reject"})
    grant.refresh_from_db()
    assert grant.status == "rejected"
    assert held(soest, admins["b"]) == {"admin"}
    # A decided request cannot be opened again.
    response = client_of(admins["c"]).get(f"/soest/admin/users/grants/{grant.pk}/")
    assert response.status_code == 404


def test_a_held_custom_role_cannot_gain_special_permissions(admins, soest):
    """The side door: a harmless custom role, given to oneself, then extended."""
    me = client_of(admins["a"])
    me.post("/soest/admin/roles/new/", {"name": "Lesen", "description": "",
                                        "permissions": ["people.persons:read"]})
    with scope(municipality=soest):
        custom = Role.objects.get(name="Lesen")
    member = membership_of(soest, admins["a"])
    me.post(f"/soest/admin/users/{member.pk}/", {
        "first_name": "", "last_name": "", "email": "", "is_active": "on",
        "roles": [role(soest, "admin").pk, custom.pk]})
    assert held(soest, admins["a"]) == {"admin", ""}  # took effect: nothing special
    response = me.post(f"/soest/admin/roles/{custom.pk}/edit/", {
        "name": "Lesen", "description": "",
        "permissions": ["people.persons:read", "people.restricted:read"]})
    assert response.status_code == 200
    assert "people.restricted:read" in response.content.decode()
    with scope(municipality=soest):
        assert Role.objects.get(pk=custom.pk).permissions == {"people.persons:read"}


def test_special_permissions_come_from_the_module_declarations():
    assert {"people.restricted:read", "housing.incidents:read",
            "core.audit:read_details"} <= special_permissions()
    assert "people.persons:read" not in special_permissions()


def test_the_request_list(admins, soest):
    edit(client_of(admins["a"]), soest, admins["b"], "admin", "caseworker")
    page = client_of(admins["c"]).get("/soest/admin/users/grants/").content.decode()
    assert "admin2-soest" in page and "Wartet auf Genehmigung" in page
    users = client_of(admins["c"]).get("/soest/admin/users/").content.decode()
    assert "1 Rollenanfrage wartet auf Genehmigung" in users


def test_custom_role_with_special_permission_needs_approval(admins, soest):
    with scope(municipality=soest):
        notes = save_custom_role(soest, name="Vermerke", description="",
                                 permissions=["people.restricted:read"])
    me = client_of(admins["a"])
    member = membership_of(soest, admins["b"])
    me.post(f"/soest/admin/users/{member.pk}/", {
        "first_name": "", "last_name": "", "email": "", "is_active": "on",
        "roles": [role(soest, "admin").pk, notes.pk]})
    assert held(soest, admins["b"]) == {"admin"}
    assert grant_for(soest, admins["b"]).role == notes
