"""The URL configuration as data: every route with its declaration, and how to build a
URL of it for a world. The conformance tests are generated from this, not from lists."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_scopes import scope

from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm, visible


@dataclass(frozen=True)
class Route:
    route: str  # the joined route, e.g. "<slug:municipality>/housing/stays/<int:pk>/move/"
    name: str  # namespaced URL name
    callback: Any
    default_kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def view(self) -> Any:
        return getattr(self.callback, "kim_view", None)

    @property
    def public(self) -> bool:
        return bool(getattr(self.callback, "kim_public", False))

    @property
    def global_access(self) -> str | None:
        return getattr(self.callback, "kim_global", None)

    @property
    def is_tenant(self) -> bool:
        return "<slug:municipality>" in self.route


def _walk(patterns, prefix="", namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            yield Route(prefix + str(p.pattern), f"{namespace}{p.name}" if p.name else "",
                        p.callback, dict(p.default_args))


def routes() -> list[Route]:
    return [r for r in _walk(get_resolver().url_patterns)
            if not r.route.startswith(("static/", "media/"))]


def tenant_routes() -> list[Route]:
    return [r for r in routes() if r.is_tenant]


def build_world(municipality, users, n: int) -> None:
    """Every module's part of the world (``tests/<label>/world.py``), ``n`` of each."""
    with scope(municipality=municipality):
        for module in modules:
            try:
                world = importlib.import_module(f"tests.{module.label}.world")
            except ModuleNotFoundError:
                continue
            world.build(municipality, users, n)


def url_kwargs(route: Route, municipality) -> list[dict[str, Any]]:
    """The URL arguments to request ``route`` with in ``municipality``'s world: one per
    declared sample (if any), with the first object the view's queryset finds."""
    kwargs: dict[str, Any] = {"municipality": municipality.slug}
    decl = route.view
    if decl is None:
        # a public page with URL arguments names its samples (kim_public_samples)
        public_samples = getattr(route.callback, "kim_public_samples", None)
        if public_samples is None:
            return [kwargs]
        with scope(municipality=municipality):
            found = public_samples(municipality)
        assert found, f"{route.name}: no samples; add an object in tests/<module>/world.py"
        return [{**kwargs, **sample} for sample in found]
    with scope(municipality=municipality):
        qs = decl.queryset()
        if qs is not None:
            obj = qs.filter(municipality=municipality).order_by("pk").first()
            assert obj is not None, (
                f"{route.name}: the conformance world has no object for this view; add one "
                f"in tests/<module>/world.py")
            kwargs[decl.lookup] = obj.pk
        samples = decl.samples(municipality) if decl.samples else [{}]
    assert samples, f"{route.name}: no samples"
    return [{**kwargs, **sample} for sample in samples]


def url_of(route: Route, kwargs: dict[str, Any]) -> str:
    return reverse(route.name, kwargs=kwargs)


def expected(route: Route, persona: str, user, municipality, kwargs: dict[str, Any]) -> int:
    """What the registry says ``user`` gets for a GET of the route."""
    if route.public:
        return 200
    if persona == "anonymous":
        return 401 if getattr(route.callback, "kim_api", None) else 302  # API: no redirect
    if persona == "foreign":
        return 404
    decl = route.view
    extra = {k: v for k, v in kwargs.items() if k != "municipality"}
    with scope(municipality=municipality):
        if not decl.allows(user, municipality, extra):
            return 403
        qs = decl.queryset()
        if qs is not None and not visible(user, decl.permission, municipality, qs).filter(
                pk=kwargs[decl.lookup]).exists():
            return 404
    return decl.get_status


def may(user, permission, municipality, obj=None) -> bool:
    with scope(municipality=municipality):
        return has_perm(user, permission, municipality, obj)
