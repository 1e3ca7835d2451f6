"""Loading what the three-phase flags need, in a constant number of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import QuerySet

from kim.core.models import Municipality
from kim.housing.domain.phases import Flag, flags_for
from kim.housing.domain.policy import DEFAULT_THREE_PHASE, three_phase
from kim.housing.models import Facility, Stay
from kim.people.models import HouseholdMember, Vulnerability

FLAG_KINDS = ("uma_shared", "phase1_over_6_months", "skip_phase1", "phase3_due")


def open_stays(municipality: Municipality, facility: Facility | None = None) -> QuerySet[Stay]:
    qs = (Stay.objects.filter(municipality=municipality, end=None)
          .select_related("person", "place__unit__facility"))
    if facility is not None:
        qs = qs.filter(place__unit__facility=facility)
    return qs


def flags_for_stays(stays: list[Stay], today: datetime.date) -> dict[int, list[Flag]]:
    """Flags per open stay id. Five queries, whatever the number of stays."""
    person_ids = [s.person_id for s in stays]
    policy = three_phase(stays[0].municipality_id, today) if stays else DEFAULT_THREE_PHASE
    periods: dict[int, list] = defaultdict(list)
    for pid, start, end, kind in (Stay.objects.filter(person_id__in=person_ids)
                                  .values_list("person_id", "start", "end",
                                               "place__unit__facility__kind")):
        periods[pid].append((start, end, kind))
    household_of = dict(HouseholdMember.objects.filter(person_id__in=person_ids, valid_to=None)
                        .values_list("person_id", "household_id"))
    members: dict[int, list] = defaultdict(list)
    for member in (HouseholdMember.objects.filter(household_id__in=set(household_of.values()),
                                                  valid_to=None).select_related("person")):
        members[member.household_id].append(member.person)
    protection: dict[int, set[str]] = defaultdict(set)
    for pid, kind in Vulnerability.objects.filter(person_id__in=person_ids) \
            .values_list("person_id", "kind"):
        protection[pid].add(kind)
    result = {}
    for stay in stays:
        household = members.get(household_of.get(stay.person_id, -1), [])
        result[stay.pk] = flags_for(
            stay, stay.person, facility_kind=stay.place.unit.facility.kind,
            periods=periods[stay.person_id], household=household,
            protection=protection[stay.person_id], today=today, policy=policy)
    return result


def all_flags(municipality: Municipality, today: datetime.date,
              kind: str = "") -> list[Flag]:
    stays = list(open_stays(municipality).order_by("place__unit__facility__name",
                                                   "person__family_name", "pk"))
    flags = [f for per in flags_for_stays(stays, today).values() for f in per]
    if kind:
        flags = [f for f in flags if f.kind == kind]
    order = {k: i for i, k in enumerate(FLAG_KINDS)}
    return sorted(flags, key=lambda f: (order[f.kind], f.resolved, f.since or today,
                                        str(f.person)))
