"""The one view base of kim: how a view declares its permission, gets its object, and
handles a form. Views stay thin: parse the request, call a domain function, render.

Every view under ``/<municipality>/…`` is decorated with :func:`tenant_view` (a permission
and, if the URL names an object, the queryset it comes from) or :func:`public_view`; views
outside a municipality with :func:`global_view`. The conformance suite
(tests/conformance) reads these declarations from the URL configuration, so a view
without one fails it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import wraps
from typing import Any, Literal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db import models, transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise

from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm, visible
from kim.core.permissions.registry import registry
from kim.core.views import once

View = Callable[..., HttpResponse]
ObjectSource = type[models.Model] | Callable[[], QuerySet[Any]]
# access(user, municipality, url kwargs) -> bool, for views whose access is not one
# permission (the report pages: the report named in the URL decides)
AccessRule = Callable[[Any, Any, Mapping[str, Any]], bool]
PAGE_SIZE = 50


def any_member(user: Any, municipality: Any, kwargs: Mapping[str, Any]) -> bool:
    """Access rule: every member of the municipality (the middleware checked that)."""
    return True


@dataclass(frozen=True)
class ViewDeclaration:
    """What a tenant view needs: read by the conformance suite."""

    permission: str | None
    access: AccessRule | None = None
    obj: ObjectSource | None = None
    lookup: str = "pk"  # the URL argument holding the object's primary key
    list_view: bool = False  # a list: its query count must not grow with the data
    get_status: int = 200  # what an allowed GET answers (302 for pages that redirect)
    # URL arguments to try besides the object (e.g. every report name), for the suite:
    # samples(municipality) -> list of URL kwargs
    samples: Callable[[Any], list[dict[str, Any]]] | None = None

    def allows(self, user: Any, municipality: Any, kwargs: Mapping[str, Any]) -> bool:
        if self.permission is not None:
            return has_perm(user, self.permission, municipality)
        assert self.access is not None
        return self.access(user, municipality, kwargs)

    def queryset(self) -> QuerySet[Any] | None:
        if self.obj is None:
            return None
        if isinstance(self.obj, type) and issubclass(self.obj, models.Model):
            return self.obj._default_manager.all()
        return self.obj()  # type: ignore[call-arg]


def tenant_view(permission: str | None = None, *, access: AccessRule | None = None,
                obj: ObjectSource | None = None, lookup: str = "pk", list_view: bool = False,
                get_status: int = 200,
                samples: Callable[[Any], list[dict[str, Any]]] | None = None,
                ) -> Callable[[View], View]:
    """A view of a municipality: 403 unless the user holds ``permission`` there (or the
    ``access`` rule allows it – exactly one of the two is given).

    With ``obj`` (a model or a function returning a queryset) the URL argument ``lookup``
    argument names an object: it is fetched from the objects the user may see under
    ``permission`` (the permission's object rule filters the queryset) or answers 404 –
    the same answer as for an object of another municipality. The view receives it as
    second argument. The URL's ``municipality`` slug is not passed on: use
    ``request.municipality``. The TenantMiddleware has already answered 404 for a foreign
    municipality and sent anonymous users to the login page. A POST carrying the form's
    one-time token runs at most once (kim/core/views/once.py).
    """
    if (permission is None) == (access is None):
        raise ValueError("tenant_view needs a permission or an access rule, not both")
    if permission is not None:
        registry.get(permission)
    if obj is not None and permission is None:
        raise ValueError("tenant_view: an object needs a permission to filter it by")
    declaration = ViewDeclaration(permission, access, obj, lookup, list_view, get_status,
                                  samples)

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: TenantRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            kwargs.pop("municipality", None)
            if not declaration.allows(request.user, request.municipality, kwargs):
                raise PermissionDenied(permission or view.__name__)
            queryset = declaration.queryset()
            if queryset is not None and permission is not None:
                key = kwargs.pop(lookup)
                target = visible(request.user, permission, request.municipality,
                                 queryset).filter(pk=key).first()
                if target is None:
                    raise Http404("No such object")
                return once.guarded(request, lambda: view(request, target, *args, **kwargs))
            return once.guarded(request, lambda: view(request, *args, **kwargs))

        wrapped.kim_view = declaration  # type: ignore[attr-defined]
        return wrapped

    return decorate


def public_view(view: View) -> View:
    """An anonymous page of a municipality (course catalogue, information pages).

    The TenantMiddleware opens the municipality's scope without asking for a login; the
    view must show no person data (the conformance suite walks public views anonymously).
    """

    @wraps(view)
    def wrapped(request: TenantRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        kwargs.pop("municipality", None)
        return view(request, *args, **kwargs)

    wrapped.kim_public = True  # type: ignore[attr-defined]
    return wrapped


GlobalAccess = Literal["anonymous", "login", "operator"]


def global_view(access: GlobalAccess) -> Callable[[View], View]:
    """A view outside any municipality (login, language switch, the operator console):
    ``anonymous`` – anyone; ``login`` – any logged-in user; ``operator`` – platform
    operator only. The access check itself is the view's (or Django's) business; this
    declaration is what the conformance suite checks it against."""

    def decorate(view: View) -> View:
        view.kim_global = access  # type: ignore[attr-defined]
        return view

    return decorate


# -- helpers every view uses ----------------------------------------------------------------
def tenant_url(request: TenantRequest, name: str, anchor: str = "", **kwargs: Any) -> str:
    """``reverse`` for a URL of the request's municipality."""
    url = reverse(name, kwargs={"municipality": request.municipality.slug, **kwargs})
    return f"{url}#{anchor}" if anchor else url


def tenant_redirect(request: TenantRequest, name: str, anchor: str = "",
                    **kwargs: Any) -> HttpResponseRedirect:
    return HttpResponseRedirect(tenant_url(request, name, anchor, **kwargs))


def form_page(request: HttpRequest, form: Any, *, title: Promise | str, cancel_url: str,
              intro: Promise | str = "", multipart: bool = False,
              extra: Mapping[str, Any] | None = None,
              template: str = "core/form.html") -> HttpResponse:
    """A page with one form: title, an optional notice, the fields, save and cancel."""
    return render(request, template, {"form": form, "title": title, "cancel_url": cancel_url,
                                      "intro": intro, "multipart": multipart,
                                      **(extra or {})})


def add_errors(form: Any, exc: ValidationError) -> None:
    """Put a domain ValidationError on the form: on the named field when the form has it,
    otherwise at the top."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for name, errors in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def run_form(request: HttpRequest, form: Any, action: Callable[[dict[str, Any]], Any],
             success: Promise | str) -> bool:
    """On a valid POST run ``action(cleaned_data)`` in one transaction.

    A domain ``ValidationError`` rolls the transaction back and lands on the form (the
    field it names, else the top). Returns True when the action succeeded (after adding
    the ``success`` message), False when the page should be shown (again).
    """
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        with transaction.atomic():
            action(form.cleaned_data)
    except ValidationError as exc:
        add_errors(form, exc)
        return False
    messages.success(request, str(success))
    return True


def paginate(request: HttpRequest, object_list: Any, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(object_list, per_page).get_page(request.GET.get("page"))


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
