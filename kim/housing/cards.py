"""Start-page card: free places per facility, for those who allocate them."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from kim.core.http import TenantRequest
from kim.housing.domain.occupancy import Figures, facilities, figures_by_facility


def free_places(request: TenantRequest) -> dict[str, Any]:
    municipality = request.municipality
    figures = figures_by_facility(municipality, timezone.localdate())
    rows = [(f, figures.get(f.pk, Figures())) for f in facilities(municipality).filter(
        active=True)]
    return {"housing_rows": rows, "housing_free": sum(fig.free for _f, fig in rows)}
