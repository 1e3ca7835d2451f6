"""Helpers every kim view uses: the permission decorator and pagination."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse

from kim.core.permissions.check import require
from kim.core.permissions.registry import registry

View = Callable[..., HttpResponse]
PAGE_SIZE = 50


def permission_required(name: str) -> Callable[[View], View]:
    """Tenant views: 403 unless the user holds ``name`` in the request's municipality.

    The TenantMiddleware has already answered 404 for a foreign municipality and sent
    anonymous users to the login page.
    """
    registry.get(name)

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            require(request.user, name, request.municipality)  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        wrapped.kim_permission = name  # type: ignore[attr-defined]
        return wrapped

    return decorate


def paginate(request: HttpRequest, object_list: Any, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(object_list, per_page).get_page(request.GET.get("page"))


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
