"""Start-page card: free places per facility, for those who allocate them."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from kim.core.http import TenantRequest
from kim.housing.domain.occupancy import Figures, facilities, figures_by_facility
from kim.housing.models import Kind


def free_places(request: TenantRequest) -> dict[str, Any]:
    municipality = request.municipality
    figures = figures_by_facility(municipality, timezone.localdate())
    rows = [(f, figures.get(f.pk, Figures())) for f in facilities(municipality).filter(
        active=True)]
    return {"housing_rows": rows, "housing_free": sum(fig.free for _f, fig in rows)}


def occupancy_overview(request: TenantRequest) -> dict[str, Any]:
    """Key figures for the coordinator and the steering group: places, occupied, free per
    kind of accommodation (counts of places, no person data), each with a bar."""
    municipality = request.municipality
    figures = figures_by_facility(municipality, timezone.localdate())
    per_kind: dict[str, Figures] = {}
    for facility in facilities(municipality).filter(active=True).exclude(kind=Kind.STATE):
        fig = figures.get(facility.pk, Figures())
        total = per_kind.setdefault(facility.kind, Figures())
        total.capacity += fig.capacity
        total.occupied += fig.occupied
        total.blocked += fig.blocked
    rows = [(Kind(kind).label, fig, round(100 * fig.occupied / fig.capacity)
             if fig.capacity else 0) for kind, fig in sorted(per_kind.items())]
    overall = Figures(sum(f.capacity for f in per_kind.values()),
                      sum(f.occupied for f in per_kind.values()),
                      sum(f.blocked for f in per_kind.values()))
    return {"occupancy_rows": rows, "occupancy_total": overall}


def hint_counts(request: TenantRequest) -> dict[str, Any]:
    """The housing office's work: hints of the three-phase model by kind (Phase I stays
    beyond the policy, minors in shared accommodation, own flat due)."""
    from kim.housing.domain.hints import all_flags
    from kim.housing.views.worklists import FLAG_LABELS

    counts: dict[str, int] = {}
    for flag in all_flags(request.municipality, timezone.localdate()):
        if not flag.resolved:
            counts[flag.kind] = counts.get(flag.kind, 0) + 1
    return {"hint_rows": [(key, label, counts.get(key, 0)) for key, label in FLAG_LABELS.items()],
            "hint_total": sum(counts.values())}
