"""Start-page card: free places per facility, for those who allocate them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from kim.core.startpage import Card, register
from kim.housing.domain.occupancy import Figures, facilities, figures_by_facility


def _free_places(request: HttpRequest) -> dict[str, Any]:
    municipality = request.municipality  # type: ignore[attr-defined]
    figures = figures_by_facility(municipality, timezone.localdate())
    rows = [(f, figures.get(f.pk, Figures())) for f in facilities(municipality).filter(
        active=True)]
    return {"housing_rows": rows, "housing_free": sum(fig.free for _f, fig in rows)}


register(Card("housing_free_places", "housing/cards/free_places.html",
              "housing.stays:write", _free_places, order=25))
