"""The typed request of kim's tenant views.

``TenantMiddleware`` sets ``municipality`` and ``membership`` on every request under
``/<municipality>/…``; views annotate their request as ``TenantRequest`` instead of
ignoring attribute errors. ``membership`` is None only on public (anonymous) views.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

if TYPE_CHECKING:
    from kim.core.models import Membership, Municipality


class TenantRequest(HttpRequest):
    municipality: Municipality
    membership: Membership | None
    id: str
    user: Any  # core.User or AnonymousUser (public views)


def tenant(request: HttpRequest) -> TenantRequest:
    """The request as a TenantRequest (for code that receives a plain HttpRequest)."""
    if not hasattr(request, "municipality"):
        raise TypeError("not a tenant request: TenantMiddleware did not run for this URL")
    return request  # type: ignore[return-value]
