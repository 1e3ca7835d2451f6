"""A unit's target group (families / single men / single women / vulnerable / accessible)
for a manual move or move-in: the same rule as the placement solver
(``kim.housing.placement.group_exclusions``), applied to the household of the person who
moves. Overriding it needs a recorded reason (issue 13 item 5).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kim.housing.models import Place, TargetUse, Unit
from kim.housing.placement import HouseholdNeed, Reason, UnitOffer, group_exclusions
from kim.people.models import Person

OVERRIDE_MAX = 200


def need_of(person: Person, day: datetime.date) -> HouseholdNeed:
    """The placement need of ``person``'s current household (or of the person alone)."""
    from kim.housing.domain import placement  # placement writes through stays: no cycle
    from kim.people.domain.persons import current_household

    link = current_household(person)
    members = placement.members_of([link.household], day).get(link.household_id, []) \
        if link is not None else []
    if not any(m.person.pk == person.pk for m in members):
        members = [placement.Member(person, None,
                                    {v.kind for v in person.vulnerabilities.all()}, set())]
    return placement.need_for(str(person.pk), members, day)


def offer_of(unit: Unit, size: int) -> UnitOffer:
    """The unit as the solver sees it; capacity is checked elsewhere (place by place)."""
    from kim.housing.domain.placement import PHASES

    facility = unit.facility
    return UnitOffer(key=str(unit.pk), facility_key=str(facility.pk),
                     phase=PHASES.get(facility.kind, 2),
                     target_use=unit.effective_target_use,  # type: ignore[arg-type]
                     free_places=size, accessible=unit.accessible or facility.accessible)


def problems(need: HouseholdNeed, unit: Unit) -> list[Reason]:
    return group_exclusions(need, offer_of(unit, need.size))


def check(person: Person, place: Place, day: datetime.date, override: str) -> str:
    """Raise a ValidationError on ``place`` when the unit's target group does not take
    the person's household and no reason for the exception is given; returns the text to
    record with the stay ("" when the unit fits)."""
    from kim.housing.texts import reason_text

    found = problems(need_of(person, day), place.unit)
    if not found:
        return ""
    override = override.strip()
    if not override:
        raise ValidationError({"place": [_(
            "%(unit)s is meant for %(use)s and does not suit %(name)s's household: "
            "%(reasons)s To move them there anyway, give the reason for the exception.") % {
            "unit": place.unit, "use": TargetUse(place.unit.effective_target_use).label,
            "name": person, "reasons": " ".join(reason_text(r) for r in found)}]})
    if len(override) > OVERRIDE_MAX:
        raise ValidationError({"override_reason": _(
            "Please keep the reason under %(max)s characters.") % {"max": OVERRIDE_MAX}})
    return _("Exception from the target group: %(reason)s") % {"reason": override}


def with_override(note: str, recorded: str) -> str:
    """The stay's note with the recorded exception in front (the note keeps 300 chars)."""
    return f"{recorded} – {note}"[:300] if recorded and note else (recorded or note)


@dataclass
class UnitGroup:
    unit: Unit
    places: list[Place]
    fits: bool


def grouped(places: Iterable[Place], need: HouseholdNeed | None) -> list[UnitGroup]:
    """Free places grouped by facility and unit: units that suit the household first,
    then by most free places, facility and unit name."""
    by_unit: dict[int, list[Place]] = defaultdict(list)
    units: dict[int, Unit] = {}
    for place in places:
        by_unit[place.unit_id].append(place)
        units[place.unit_id] = place.unit
    groups = [UnitGroup(units[pk], found, need is None or not problems(need, units[pk]))
              for pk, found in by_unit.items()]
    groups.sort(key=lambda g: (not g.fits, -len(g.places), g.unit.facility.name, g.unit.name))
    return groups


def place_label(group: UnitGroup, place: Place) -> str:
    """"Wohnhaus Süd – Männer 1 – place 2 (single men, 2 free)": the picker keeps the
    grouping by facility and unit in each suggestion."""
    label = _("%(facility)s – %(unit)s – place %(place)s (%(use)s, %(free)s free)") % {
        "facility": group.unit.facility.name, "unit": group.unit.name, "place": place.label,
        "use": TargetUse(group.unit.effective_target_use).label, "free": len(group.places)}
    if not group.fits:
        label = _("%(label)s – target group does not fit") % {"label": label}
    return label


def picker_choices(groups: list[UnitGroup], text: str) -> list[tuple[int, str]]:
    """The free places whose facility, unit or place label contains every word of
    ``text`` (or whose number it is), in the order of ``grouped``: suitable units first,
    then the units with the most free places."""
    number = text.strip() if text.strip().isdigit() else None  # a number is the place's
    words = [] if number else text.casefold().split()[:5]
    found = []
    for group in groups:
        for place in group.places:
            haystack = " ".join([group.unit.facility.name, group.unit.name,
                                 place.label]).casefold()
            if number == str(place.pk) or (words and all(w in haystack for w in words)):
                found.append((place.pk, place_label(group, place)))
    return found
