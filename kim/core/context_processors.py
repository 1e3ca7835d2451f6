from typing import Any

from django.http import HttpRequest

from kim.core.navigation import visible_items
from kim.core.permissions.check import PermissionSet


def _view_name(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


def kim(request: HttpRequest) -> dict[str, Any]:
    municipality = getattr(request, "municipality", None)
    user = getattr(request, "user", None)
    return {
        "municipality": municipality,
        "kim_perms": PermissionSet(user, municipality),
        # public pages (no membership) show no internal navigation
        "nav_items": (visible_items(user, municipality, _view_name(request))
                      if municipality and getattr(request, "membership", None) else []),
    }
