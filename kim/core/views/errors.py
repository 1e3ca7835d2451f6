"""Error pages in kim's layout and the user's language, each with a way back.

A 404 for another municipality's object looks exactly like any other 404: the same page,
whatever the reason. The 500 page renders without the request's context when that itself
fails (a broken context processor must not hide the original error behind another).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from kim.core.views.base import global_view


def _page(request: HttpRequest, status: int, title: str, text: str) -> HttpResponse:
    municipality = getattr(request, "municipality", None)
    back = f"/{municipality.slug}/" if municipality is not None else "/"
    return render(request, "core/error.html",
                  {"status": status, "title": title, "text": text, "back": back},
                  status=status)


@global_view("anonymous")
def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _page(request, 400, _("The request could not be understood"),
                 _("Please go back and try again. If it keeps happening, tell your "
                   "administration which page you were on."))


@global_view("anonymous")
def permission_denied(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _page(request, 403, _("No access to this page"),
                 _("Your role does not include this page. If you need it for your work, "
                   "ask the administration of your municipality for the permission."))


@global_view("anonymous")
def not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _page(request, 404, _("Page not found"),
                 _("This page does not exist or is not available to you. Please check the "
                   "address, or go back to the start page."))


@global_view("anonymous")
def server_error(request: HttpRequest) -> HttpResponse:
    title = _("Something went wrong")
    text = _("kim could not complete this request. The error has been logged; please try "
             "again in a moment. If it keeps happening, tell your administration the time "
             "and the page.")
    try:
        return _page(request, 500, title, text)
    except Exception:  # noqa: BLE001 – the page about an error must not fail itself
        html = loader.get_template("core/error_plain.html").render(
            {"status": 500, "title": title, "text": text})
        return HttpResponse(html, status=500)


@global_view("anonymous")
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _page(request, 403, _("The form has expired"),
                 _("For your security a form can only be sent from a page kim showed you "
                   "a short while ago. Please go back, reload the page and send the form "
                   "again."))
