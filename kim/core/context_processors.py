from typing import Any

from django.http import HttpRequest

from kim.core.navigation import Navigation, navigation
from kim.core.permissions.check import PermissionSet


def _view_name(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


def kim(request: HttpRequest) -> dict[str, Any]:
    municipality = getattr(request, "municipality", None)
    user = getattr(request, "user", None)
    # public pages (no membership) show no internal navigation
    nav = (navigation(user, municipality, _view_name(request))
           if municipality and getattr(request, "membership", None) else Navigation())
    items = nav.main
    return {
        "municipality": municipality,
        "kim_perms": PermissionSet(user, municipality),
        "nav_items": items,
        "section_items": nav.section,
        "account_items": nav.account,
        # the section of the page, for the breadcrumbs (core/breadcrumbs.html)
        "nav_section": next((i for i in items if i["current"]), None),
    }
