"""Start-page card of the case-work app."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from kim.casework.domain.caseload import card_counts
from kim.core.startpage import Card, register


def _my_caseload(request: HttpRequest) -> dict[str, Any]:
    return card_counts(request.user, timezone.now())  # type: ignore[arg-type]


register(Card("my_caseload", "casework/cards/my_caseload.html", "casework.caseload:read",
              _my_caseload, order=20))
