"""The permission registry, the one check function, and the URL × persona matrix."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django_scopes import scope

from kim.core.domain.roles import save_custom_role
from kim.core.models import Membership, Role
from kim.core.permissions.check import has_perm
from kim.core.permissions.registry import DEFAULT_ROLES, Registry, UnknownPermission, registry
from tests.conftest import make_member

ALL_PERSONAS = [*DEFAULT_ROLES, "anonymous", "foreign"]
ADMIN_ONLY = {"admin"}

# URL (in Soest) -> personas that may open it. Everyone else who is a Soest member gets
# 403, the Herne user 404, anonymous the login page.
MATRIX = {
    "/soest/": set(DEFAULT_ROLES),
    "/soest/admin/users/": ADMIN_ONLY,
    "/soest/admin/users/new/": ADMIN_ONLY,
    "/soest/admin/roles/": ADMIN_ONLY,
    "/soest/admin/roles/new/": ADMIN_ONLY,
    "/soest/admin/audit/": ADMIN_ONLY,
}


def expected_status(persona: str, allowed: set[str]) -> int:
    if persona == "anonymous":
        return 302
    if persona == "foreign":
        return 404
    return 200 if persona in allowed else 403


@pytest.mark.parametrize("persona", ALL_PERSONAS)
@pytest.mark.parametrize("url", list(MATRIX))
def test_matrix(personas, url, persona):
    response = personas[persona].client().get(url)
    assert response.status_code == expected_status(persona, MATRIX[url]), url
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_matrix_object_urls(personas, soest, persona):
    with scope(municipality=soest):
        membership = Membership.objects.get(user=personas["caseworker"].user)
        role = Role.objects.get(builtin="caseworker")
    for url in (f"/soest/admin/users/{membership.pk}/",
                f"/soest/admin/users/{membership.pk}/password/",
                f"/soest/admin/roles/{role.pk}/"):
        assert personas[persona].client().get(url).status_code == expected_status(
            persona, ADMIN_ONLY), url



def test_unknown_permission_raises(personas, soest):
    with pytest.raises(UnknownPermission):
        has_perm(personas["admin"].user, "core.users:fly", soest)
    with pytest.raises(UnknownPermission):
        registry.validate(["core.users:read", "people.nope:read"])


def test_registry_rejects_bad_names_duplicates_and_unknown_roles():
    reg = Registry()
    reg.register("x.things:read", "read things", roles=["caseworker"])
    with pytest.raises(ValueError, match="registered twice"):
        reg.register("x.things:read", "again")
    with pytest.raises(ValueError, match="area.resource:action"):
        reg.register("Things-read", "bad")
    with pytest.raises(ValueError, match="unknown default roles"):
        reg.register("x.things:write", "write", roles=["janitor"])
    assert reg.bundle("caseworker") == {"x.things:read"}
    assert reg.bundle("admin") == frozenset()


def test_default_bundles_come_from_the_registry(in_soest):
    admin = Role.objects.get(builtin="admin")
    assert admin.permissions == registry.bundle("admin")
    assert "core.audit:read" in admin.permissions
    assert "core.audit:read" not in Role.objects.get(builtin="caseworker").permissions


def test_platform_operator_gets_no_permission(soest):
    from kim.core.models import User

    operator = User.objects.create(username="op", is_superuser=True, is_staff=True)
    assert not has_perm(operator, "core.users:read", soest)
    assert not has_perm(AnonymousUser(), "core.users:read", soest)


def test_custom_role_grants_exactly_its_permissions(soest):
    member = make_member(soest, "auditor")
    with scope(municipality=soest):
        role = save_custom_role(soest, name="Prüfung", description="",
                                permissions=["core.audit:read"])
        member.roles.add(role)
    user = member.user
    assert has_perm(user, "core.audit:read", soest)
    assert not has_perm(user, "core.users:read", soest)
    from django.test import Client

    client = Client()
    client.force_login(user)
    assert client.get("/soest/admin/audit/").status_code == 200
    assert client.get("/soest/admin/users/").status_code == 403


def test_custom_role_rejects_unknown_permission_and_builtin_edit(in_soest):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as err:
        save_custom_role(in_soest, name="X", description="", permissions=["core.users:fly"])
    assert "permissions" in err.value.message_dict
    with pytest.raises(ValidationError):
        save_custom_role(in_soest, name="Y", description="", permissions=[],
                         role=Role.objects.get(builtin="admin"))


def test_object_of_other_municipality_is_never_permitted(personas, soest, herne):
    with scope(municipality=herne):
        foreign_role = Role.objects.get(builtin="admin")
    assert has_perm(personas["admin"].user, "core.roles:read", soest)
    assert not has_perm(personas["admin"].user, "core.roles:read", soest, obj=foreign_role)


def test_predicate_decides_on_objects(soest, personas):
    from kim.core.modules import Perm

    perm = Perm("core.roles:read", "x", ("admin",),
                predicate=lambda user, obj, m: obj.name.startswith("ok"),
                scope=lambda user, m, qs: qs.filter(name__startswith="ok"))
    original = registry._perms["core.roles:read"]
    registry._perms["core.roles:read"] = perm
    try:
        with scope(municipality=soest):
            good = Role(municipality=soest, name="ok-role")
            bad = Role(municipality=soest, name="other")
        assert has_perm(personas["admin"].user, "core.roles:read", soest, obj=good)
        assert not has_perm(personas["admin"].user, "core.roles:read", soest, obj=bad)
    finally:
        registry._perms["core.roles:read"] = original


def test_navigation_shows_only_permitted_entries(personas):
    admin_page = personas["admin"].client().get("/soest/").content.decode()
    case_page = personas["caseworker"].client().get("/soest/").content.decode()
    for href in ("/soest/admin/users/", "/soest/admin/roles/", "/soest/admin/audit/"):
        assert f'href="{href}"' in admin_page
        assert f'href="{href}"' not in case_page
