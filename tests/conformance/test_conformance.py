"""The conformance suite, generated from the URL configuration and the module registry
(docs/architecture.md "Modules"): a view without a declaration, a status the registry
does not predict, a list that shows what its detail view hides, or a list whose queries
grow with the data fails here – for every module, present and future."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from kim.core.modules.apps import KimAppConfig
from kim.core.modules.registry import modules
from kim.core.permissions.registry import registry
from kim.people.models import Person
from tests.conformance.routes import (
    build_world,
    expected,
    routes,
    tenant_routes,
    url_kwargs,
    url_of,
)
from tests.core.test_permissions import ALL_PERSONAS


def test_every_kim_app_is_a_registered_module():
    kim_apps = [c for c in apps.get_app_configs() if c.name.startswith("kim.")]
    assert kim_apps
    for config in kim_apps:
        assert isinstance(config, KimAppConfig), config.name
        assert config.label in modules, config.name


def test_every_view_declares_its_access():
    undeclared = []
    for route in routes():
        if route.is_tenant:
            if route.view is None and not route.public:
                undeclared.append(route.name or route.route)
        elif route.global_access not in ("anonymous", "login", "operator"):
            undeclared.append(route.name or route.route)
    assert undeclared == []


def test_declared_permissions_exist():
    for route in tenant_routes():
        if route.view is not None and route.view.permission is not None:
            assert route.view.permission in registry, route.name


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_status_is_what_the_registry_says(personas, world, persona):
    """Every tenant URL × this persona: anonymous → login, a member of another
    municipality → 404, without the permission → 403, an object the permission's rule
    hides → 404, otherwise the declared status (200; 302/405 where declared)."""
    client = personas[persona].client()
    user = personas[persona].user
    wrong = []
    for route in tenant_routes():
        for kwargs in url_kwargs(route, world):
            url = url_of(route, kwargs)
            want = expected(route, persona, user, world, kwargs)
            response = client.get(url)
            if response.streaming:  # downloads: read to the end so the file is closed
                b"".join(response.streaming_content)
            if response.status_code != want:
                wrong.append((url, response.status_code, want))
            elif want == 302 and persona == "anonymous":
                assert response["Location"].startswith("/accounts/login/?next="), url
    assert wrong == []


def test_objects_of_another_municipality_answer_404(personas, users, world, herne):
    """Each object URL of Soest, asked with the id of a Herne object, by a Soest persona
    that may open the Soest object: 404 for GET and POST, and nothing is written."""
    build_world(herne, {**users, "caseworker": personas["foreign"].user}, 1)
    checked = 0
    for route in tenant_routes():
        decl = route.view
        if decl is None or decl.obj is None:
            continue
        own = url_kwargs(route, world)[0]
        foreign = url_kwargs(route, herne)[0]
        persona = next((p for p in ALL_PERSONAS[:-2]
                        if expected(route, p, personas[p].user, world, own) < 400), None)
        if persona is None:
            continue
        url = url_of(route, {**own, decl.lookup: foreign[decl.lookup]})
        client = personas[persona].client()
        assert client.get(url).status_code == 404, (url, persona)
        assert client.post(url, {}).status_code == 404, (url, persona)
        checked += 1
    assert checked >= 30


def test_lists_and_detail_views_agree(personas, world):
    """For every object rule: the queryset filter admits exactly the objects the
    predicate allows, for every persona holding the permission."""
    checked = 0
    for route in tenant_routes():
        decl = route.view
        if decl is None or decl.obj is None:
            continue
        perm = registry.get(decl.permission)
        if perm.scope is None:
            continue
        with scope(municipality=world):
            objects = list(decl.queryset().filter(municipality=world))
            for persona in ALL_PERSONAS[:-2]:
                user = personas[persona].user
                from kim.core.permissions.check import has_perm, visible

                if not has_perm(user, perm.name, world):
                    continue
                listed = set(visible(user, perm.name, world, decl.queryset())
                             .values_list("pk", flat=True))
                allowed = {o.pk for o in objects if has_perm(user, perm.name, world, o)}
                assert listed == allowed, (route.name, persona)
                checked += 1
    assert checked >= 1


def _list_routes():
    return [r for r in tenant_routes() if r.view is not None and r.view.list_view]


@pytest.mark.parametrize("name", [r.name for r in _list_routes()])
def test_list_queries_do_not_grow_with_the_data(personas, users, world, name):
    route = next(r for r in _list_routes() if r.name == name)
    kwargs = url_kwargs(route, world)[0]
    persona = next((p for p in ALL_PERSONAS[:-2]
                    if expected(route, p, personas[p].user, world, kwargs) == 200), None)
    assert persona is not None, f"{name}: no role may open this list"
    client = personas[persona].client()
    url = url_of(route, kwargs)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200, url
        return len(ctx.captured_queries)

    client.get(url)  # warm caches (content types, permissions)
    small = count()
    build_world(world, users, 3)
    assert count() == small, url


def test_public_views_show_no_person_data(client, world):
    with scope(municipality=world):
        names = {n for p in Person.objects.all() for n in (p.family_name, p.given_names)}
    public = [r for r in tenant_routes() if r.public]
    for route in public:
        for kwargs in url_kwargs(route, world):
            response = client.get(url_of(route, kwargs))
            assert response.status_code == 200, route.name
            page = response.content.decode()
            assert not [n for n in names if n in page], route.name
