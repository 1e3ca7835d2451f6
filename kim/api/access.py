"""The one access check of API endpoints – the web's: ``tenant_view``'s declaration, the
registry's permissions and object rules (``has_perm``/``visible``).

``endpoint(module, {"GET": perm, "PATCH": perm}, obj=…)`` wraps a DRF view. The GET
permission (or the first one) is the endpoint's declaration, read by the conformance
suite like a page's. Order of answers: 403 without that permission, 404 for an object the
permission's rule hides (or another municipality's), 405 for a method the endpoint has
not, 403 without the method's own permission or when the token's scope excludes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _

from kim.api import problems
from kim.core.permissions.check import has_perm, visible
from kim.core.permissions.registry import registry
from kim.core.views.base import AccessRule, ObjectSource, ViewDeclaration

SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


def token_allows(request: Any, module: str) -> str:
    """Why the request's token may not use this endpoint ("" when it may)."""
    token = getattr(request, "kim_api_token", None)
    if token is None:
        return ""
    if token.modules and module not in token.modules:
        return _("The token is not valid for this part of kim.")
    if request.method not in SAFE and token.access != "write":
        return _("The token may only read.")
    return ""


def endpoint(module: str, permissions: Mapping[str, str], *, obj: ObjectSource | None = None,
             lookup: str = "pk", list_view: bool = False, access: AccessRule | None = None,
             samples: Any = None) -> Callable[[Any], Any]:
    """``access`` (instead of permissions, GET only): the rule of the page doing the same
    (the reports: the report named in the URL decides)."""
    for name in permissions.values():
        registry.get(name)
    if access is not None:
        return _by_rule(module, access, samples, list_view)
    main = permissions.get("GET") or next(iter(permissions.values()))
    declaration = ViewDeclaration(main, obj=obj, lookup=lookup, list_view=list_view,
                                  get_status=200 if "GET" in permissions else 405)

    def decorate(view: Any) -> Any:
        @wraps(view)
        def wrapped(request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
            kwargs.pop("municipality", None)
            user, town = request.user, request.municipality
            if not has_perm(user, main, town):
                return problems.response(403, _("You may not do this."))
            if obj is not None:
                queryset = declaration.queryset()
                assert queryset is not None
                target = visible(user, main, town, queryset).filter(
                    pk=kwargs.pop(lookup)).first()
                if target is None:
                    return problems.response(404, _("Not found."))
                kwargs["obj"] = target
            method = "GET" if request.method in ("HEAD", "OPTIONS") else request.method
            needed = permissions.get(method)
            if needed is None:
                resp = problems.response(405, _("This method is not allowed here."))
                resp["Allow"] = ", ".join(sorted(permissions))
                return resp
            target = kwargs.get("obj")
            if not has_perm(user, needed, town, target):
                return problems.response(403, _("You may not do this."))
            why = token_allows(request, module)
            if why:
                return problems.response(403, why)
            return view(request, *args, **kwargs)  # type: ignore[no-any-return]

        wrapped.kim_view = declaration  # type: ignore[attr-defined]
        wrapped.kim_api = {"module": module,  # type: ignore[attr-defined]
                           "permissions": dict(permissions)}
        return wrapped

    return decorate


def _by_rule(module: str, access: AccessRule, samples: Any,
             list_view: bool) -> Callable[[Any], Any]:
    declaration = ViewDeclaration(None, access=access, list_view=list_view, samples=samples)

    def decorate(view: Any) -> Any:
        @wraps(view)
        def wrapped(request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
            kwargs.pop("municipality", None)
            if not declaration.allows(request.user, request.municipality, kwargs):
                return problems.response(403, _("You may not do this."))
            if request.method not in SAFE:
                resp = problems.response(405, _("This method is not allowed here."))
                resp["Allow"] = "GET"
                return resp
            why = token_allows(request, module)
            if why:
                return problems.response(403, why)
            return view(request, *args, **kwargs)  # type: ignore[no-any-return]

        wrapped.kim_view = declaration  # type: ignore[attr-defined]
        wrapped.kim_api = {"module": module, "permissions": {}}  # type: ignore[attr-defined]
        return wrapped

    return decorate
