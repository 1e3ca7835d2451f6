"""Occupancy: per facility (capacity, occupied, free, blocked) and the board of one facility.

Capacity is the number of places. On a date a place is occupied (a stay covers it),
otherwise blocked (out of service) or free – so capacity = occupied + free + blocked. The
blocked flag is the current one; past dates use today's blocking.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from kim.core.models import Municipality
from kim.housing.models import Facility, Kind, Place, Stay, Unit


def covering(day: datetime.date) -> Q:
    """Stays that cover ``day`` (half-open periods)."""
    return Q(start__lte=day) & (Q(end=None) | Q(end__gt=day))


@dataclass
class Figures:
    capacity: int = 0
    occupied: int = 0
    blocked: int = 0

    @property
    def free(self) -> int:
        return self.capacity - self.occupied - self.blocked

    @property
    def rate(self) -> float | None:
        """Occupied share of the usable (not blocked) places, in percent."""
        usable = self.capacity - self.blocked
        return round(100 * self.occupied / usable, 1) if usable else None


def figures_by_facility(municipality: Municipality, day: datetime.date) -> dict[int, Figures]:
    """One aggregate query for all facilities."""
    occupied = Exists(Stay.objects.filter(covering(day), place=OuterRef("pk")))
    rows = (Place.objects.filter(municipality=municipality).annotate(occ=occupied)
            .values("unit__facility_id")
            .annotate(capacity=Count("pk"), occupied=Count("pk", filter=Q(occ=True)),
                      blocked=Count("pk", filter=Q(occ=False, blocked=True)))
            .order_by())
    return {r["unit__facility_id"]: Figures(r["capacity"], r["occupied"], r["blocked"])
            for r in rows}


def facilities(municipality: Municipality) -> QuerySet[Facility]:
    return Facility.objects.filter(municipality=municipality).exclude(kind=Kind.STATE)


@dataclass
class PlaceRow:
    place: Place
    stay: Stay | None
    flags: list = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.stay is not None:
            return "occupied"
        return "blocked" if self.place.blocked else "free"


@dataclass
class UnitRow:
    unit: Unit
    places: list[PlaceRow]

    @property
    def free(self) -> int:
        return sum(1 for p in self.places if p.status == "free")


def board(facility: Facility, day: datetime.date) -> list[UnitRow]:
    """Units and places of ``facility`` with the stay covering ``day`` (two queries)."""
    units = list(Unit.objects.filter(facility=facility)
                 .prefetch_related(Prefetch("places", queryset=Place.objects.order_by("label",
                                                                                      "pk"))))
    stays = {s.place_id: s for s in Stay.objects.filter(covering(day),
                                                        place__unit__facility=facility)
             .select_related("person", "place__unit__facility")}
    return [UnitRow(u, [PlaceRow(p, stays.get(p.pk)) for p in u.places.all()]) for u in units]


def free_places(municipality: Municipality, day: datetime.date) -> QuerySet[Place]:
    """Places free from ``day`` on (not blocked, no stay ending after ``day``)."""
    taken = Stay.objects.filter(place=OuterRef("pk")).filter(Q(end=None) | Q(end__gt=day))
    return (Place.objects.filter(municipality=municipality, blocked=False,
                                 unit__facility__active=True)
            .exclude(unit__facility__kind=Kind.STATE).exclude(Exists(taken))
            .select_related("unit__facility")
            .order_by("unit__facility__kind", "unit__facility__name", "unit__name", "label"))


def occupied_trend(municipality: Municipality, last: datetime.date,
                   months: int = 12) -> list[tuple[datetime.date, int]]:
    """Occupied places at each of the last ``months`` month ends (the last one ``last``):
    one query for all months."""
    from kim.housing.domain.fehlbeleger import month_ends

    days = month_ends(last, months)
    stays = list(Stay.objects.filter(municipality=municipality, start__lte=days[-1])
                 .filter(Q(end=None) | Q(end__gt=days[0])).values_list("place_id", "start",
                                                                       "end"))
    return [(day, len({place for place, start, end in stays
                       if start <= day and (end is None or end > day)})) for day in days]
