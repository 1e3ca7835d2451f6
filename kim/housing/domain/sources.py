"""What accommodation contributes to other modules' views: the deadline worklist (end of
the Phase I period, Phase III due) and the person's timeline (move-ins and move-outs).
Declared in kim/housing/module.py; read by people and case work through the registry."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator, Sequence

from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.modules import Due, TimelineEvent
from kim.housing.domain import policy
from kim.housing.domain.phases import chain_start
from kim.housing.models import Stay
from kim.people.domain.deadlines import horizon
from kim.people.models import Person
from kim.rules.dates import add_months

PHASE1_END = "housing_phase1_end"
PHASE3_DUE = "housing_phase3_due"
DEADLINE_KINDS = {PHASE1_END: _("Phase I period ends (accommodation)"),
                  PHASE3_DUE: _("Own flat (Phase III) due (accommodation)")}


def deadlines(municipality: Municipality, person_ids: Sequence[int] | None,
              today: datetime.date) -> Iterator[Due]:
    """For every resident of Phase I/II: the day the Phase I period ends and the day the
    offer of an own flat is due, by the municipality's policy in force today."""
    stays = Stay.objects.filter(municipality=municipality)
    if person_ids is not None:
        stays = stays.filter(person_id__in=list(person_ids))
    residents = set(stays.filter(end=None, place__unit__facility__kind__in=("phase1", "phase2"))
                    .values_list("person_id", flat=True))
    periods: dict[int, list[tuple[datetime.date, datetime.date | None, str]]] = defaultdict(list)
    for pid, start, end, kind in stays.filter(person_id__in=residents).values_list(
            "person_id", "start", "end", "place__unit__facility__kind"):
        periods[pid].append((start, end, kind))
    phase1 = policy.phase1_months(municipality, today)
    phase3 = policy.phase3_months(municipality, today)
    last = horizon(today)
    for pid, own in periods.items():
        since1 = chain_start(own, ["phase1"])
        if since1 is not None and today <= (due := add_months(since1, phase1)) <= last:
            yield Due(pid, due, PHASE1_END)
        since3 = chain_start(own, ["phase1", "phase2"])
        if since3 is not None and today <= (due := add_months(since3, phase3)) <= last:
            yield Due(pid, due, PHASE3_DUE)


def move_events(person: Person, municipality: Municipality) -> list[TimelineEvent]:
    """Move-ins and move-outs of the person, with place and reason."""
    events = []
    for stay in Stay.objects.filter(person=person).select_related("place__unit__facility"):
        where = f"{stay.place.unit.facility.name}, {stay.place.unit.name}"
        events.append(TimelineEvent.on_day(stay.start, "move_in", _("Moved in"),
                                           f"{where} ({stay.get_move_in_reason_display()})"))
        if stay.end:
            reason = stay.get_move_out_reason_display() if stay.move_out_reason else ""
            events.append(TimelineEvent.on_day(stay.end, "move_out", _("Moved out"),
                                               f"{where}{f' ({reason})' if reason else ''}"))
    return events


def accommodation_names(municipality: Municipality, person_ids: Sequence[int]
                        ) -> dict[int, str]:
    """Where each person lives today (a person list column, one query)."""
    return {pid: f"{facility}, {unit}" for pid, facility, unit in Stay.objects.filter(
        municipality=municipality, person_id__in=list(person_ids), end=None)
        .values_list("person_id", "place__unit__facility__name", "place__unit__name")}
