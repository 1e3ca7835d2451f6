"""The bridge between kim's data and the pure placement core (kim.housing.placement):
households → HouseholdNeed, units with free places → UnitOffer, and writing a confirmed
plan through kim.housing.domain.stays (all or nothing).

Keys: a household's key is ``str(household.pk)``, a unit's ``str(unit.pk)``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext as _

from kim.core.models import Municipality, User
from kim.core.prefetch import prefetched
from kim.housing.domain import stays as stays_domain
from kim.housing.domain.occupancy import covering, free_places
from kim.housing.domain.phases import PROTECTION_KINDS, is_uma_on, of_school_age, skip_groups
from kim.housing.domain.policy import DEFAULT_THREE_PHASE, ThreePhase, three_phase
from kim.housing.models import Kind, MoveInReason, Place, Placement, Stay, Unit
from kim.housing.placement import HouseholdNeed, UnitOffer, check_assignments
from kim.housing.placement.types import Phase
from kim.housing.texts import reason_text
from kim.people.models import Household, HouseholdMember, Person

PHASES: dict[str, Phase] = {Kind.PHASE1: 1, Kind.PHASE2: 2, Kind.RENTED_FLAT: "flat"}


@dataclass
class Member:
    person: Person
    open_stay: Stay | None
    kinds: set[str]  # vulnerability kinds
    languages: set[str]


def members_of(households: list[Household], day: datetime.date) -> dict[int, list[Member]]:
    """Current members (not moved away on ``day``) of the households – four queries."""
    links = (HouseholdMember.objects.filter(household__in=households, valid_to=None)
             .filter(Q(person__moved_away_date=None) | Q(person__moved_away_date__gt=day))
             .select_related("person").prefetch_related(
                 "person__vulnerabilities", "person__languages",
                 Prefetch("person__stays", queryset=Stay.objects.filter(end=None)
                          .select_related("place__unit__facility"), to_attr="open_stays"))
             .order_by("person__birth_date", "pk"))
    result: dict[int, list[Member]] = defaultdict(list)
    for link in links:
        p = link.person
        result[link.household_id].append(Member(
            p, next(iter(prefetched(p, "open_stays")), None),
            {v.kind for v in p.vulnerabilities.all()},
            {lang.language for lang in p.languages.all()} - {"de", "deu"}))
    return result


def need_for(key: str, members: list[Member], day: datetime.date,
             policy: ThreePhase = DEFAULT_THREE_PHASE) -> HouseholdNeed:
    """What the placement solver needs to know about one household; ``policy``: the
    municipality's three-phase policy on ``day`` (who skips Phase I)."""
    persons = [m.person for m in members]
    adults = [p for p in persons if p.age_on(day) >= 18]
    if any(is_uma_on(m.person, day, m.kinds) for m in members):
        composition = "uma"
    elif len(persons) > 1:
        composition = "family"
    else:
        # Sex unknown or diverse counts as a single man: the units for single women are a
        # protected space ([Soest] Waldstraße), so the conservative choice.
        composition = "single_woman" if persons[0].sex == "f" else "single_man"
    wants = set()
    if any(of_school_age(p.birth_date, day) for p in persons):
        wants.add("school")
    if any(1 <= p.age_on(day) < 6 for p in persons):
        wants.add("kita")
    if any(m.kinds & {"health", "disability", "pregnant"} for m in members):
        wants.add("doctor")
    return HouseholdNeed(
        key=key, size=len(persons), composition=composition,  # type: ignore[arg-type]
        vulnerable=any(m.kinds & PROTECTION_KINDS for m in members),
        skips_phase1=any(skip_groups(m.person, persons, m.kinds, day, policy)
                         for m in members),
        languages=frozenset(lang for m in members if m.person in adults
                            for lang in m.languages),
        wants=frozenset(wants))


def needs(households: list[Household], day: datetime.date) -> dict[str, HouseholdNeed]:
    """Needs of the households that have current members, keyed like the solver."""
    members = members_of(households, day)
    policy = three_phase(households[0].municipality_id, day) if households else DEFAULT_THREE_PHASE
    return {str(h.pk): need_for(str(h.pk), members[h.pk], day, policy)
            for h in households if members.get(h.pk)}


def offers(municipality: Municipality, day: datetime.date,
           exclude_persons: frozenset[int] | set[int] = frozenset()) -> dict[str, UnitOffer]:
    """Units with free places from ``day`` on. Places held by ``exclude_persons`` (the
    households being planned, who move out of them) do not count as free."""
    free: dict[int, int] = defaultdict(int)
    units: dict[int, Unit] = {}
    for place in free_places(municipality, day):
        free[place.unit_id] += 1
        units[place.unit_id] = place.unit
    languages: dict[int, set[str]] = defaultdict(set)
    residents = (Stay.objects.filter(covering(day), place__unit_id__in=list(units))
                 .exclude(person_id__in=exclude_persons)
                 .values_list("place__unit_id", "person__languages__language"))
    for unit_id, language in residents:
        if language and language not in ("de", "deu"):
            languages[unit_id].add(language)
    result = {}
    for pk, unit in units.items():
        facility = unit.facility
        result[str(pk)] = UnitOffer(
            key=str(pk), facility_key=str(facility.pk), phase=PHASES[facility.kind],
            target_use=unit.effective_target_use,  # type: ignore[arg-type]
            free_places=free[pk], accessible=unit.accessible or facility.accessible,
            resident_languages=frozenset(languages[pk]),
            district=str(facility.area_id) if facility.area_id else "",
            single_household=facility.kind == Kind.RENTED_FLAT)
    return result


def unit_names(keys: list[str]) -> dict[str, Unit]:
    return {str(u.pk): u for u in Unit.objects.filter(pk__in=[int(k) for k in keys])
            .select_related("facility")}


def place_household(household: Household, members: list[Member], unit: Unit,
                    on: datetime.date, *, user: User | None = None,
                    reason: str = MoveInReason.ARRIVAL) -> list[Stay]:
    """Move every current member into a free place of ``unit`` (members with an open stay
    elsewhere move; the others move in). Runs inside the caller's transaction."""
    moving = [m for m in members if not (m.open_stay and m.open_stay.place.unit_id == unit.pk)]
    taken = Stay.objects.filter(Q(end=None) | Q(end__gt=on)).values("place_id")
    spots = list(Place.objects.filter(unit=unit, blocked=False).exclude(pk__in=taken)
                 .select_related("unit__facility").order_by("label", "pk"))
    if len(spots) < len(moving):
        raise ValidationError({"household": _(
            "%(household)s: %(unit)s has %(free)s free places, the household needs "
            "%(needed)s. It was probably taken meanwhile; please compute the proposal "
            "again.") % {"household": household, "unit": unit, "free": len(spots),
                         "needed": len(moving)}})
    result = []
    for member, spot in zip(moving, spots, strict=False):
        if member.open_stay is not None:
            result.append(stays_domain.move(member.open_stay, spot, on, reason=reason
                                            if reason != MoveInReason.ARRIVAL
                                            else MoveInReason.PHASE_CHANGE, user=user,
                                            group_checked=True))
        else:
            result.append(stays_domain.move_in(member.person, spot, on, reason=reason,
                                               user=user, group_checked=True))
    return result


def write_plan(municipality: Municipality, assignments: dict[str, str], on: datetime.date,
               *, user: User | None = None) -> int:
    """Write a reviewed plan ({household key: unit key}) – all or nothing. Re-checks it
    against the current free places first; every error names household and unit.
    Returns the number of stays written."""
    with transaction.atomic():
        households = list(Household.objects.filter(pk__in=[int(k) for k in assignments]))
        if len(households) != len(assignments):
            raise ValidationError({"plan": _("A household of the proposal no longer exists.")})
        members = members_of(households, on)
        policy = three_phase(municipality, on)
        current = {str(h.pk): need_for(str(h.pk), members[h.pk], on, policy)
                   for h in households if members.get(h.pk)}
        units = offers(municipality, on)
        names = unit_names(list(assignments.values()))
        problems = check_assignments(assignments, list(current.values()), list(units.values()))
        if problems:
            by_pk = {str(h.pk): h for h in households}
            messages = []
            for key, reason in problems:
                if key in assignments:  # a household's problem, else a unit's
                    where = _("%(household)s → %(unit)s") % {
                        "household": by_pk[key],
                        "unit": names.get(assignments[key], assignments[key])}
                else:
                    where = str(names.get(key, key))
                messages.append(f"{where}: {reason_text(reason)}")
            raise ValidationError({"plan": messages})
        written = 0
        for household in sorted(households, key=lambda h: h.pk):
            unit = names[assignments[str(household.pk)]]
            written += len(place_household(household, members[household.pk], unit, on,
                                           user=user))
        return written


ARRIVAL_LIMIT = 300  # households per arrival plan: two buses and more


def arrival_households(day: datetime.date, first: datetime.date | None,
                       last: datetime.date | None) -> list[Household]:
    """Households with a current member who has no open stay, was assigned in the period
    and has not moved away; households already placed into a flat are left out. At most
    ``ARRIVAL_LIMIT``, by name."""
    homeless = (HouseholdMember.objects.filter(household=OuterRef("pk"), valid_to=None)
                .filter(Q(person__moved_away_date=None) | Q(person__moved_away_date__gt=day))
                .exclude(Exists(Stay.objects.filter(person=OuterRef("person"), end=None))))
    if first:
        homeless = homeless.filter(person__assignment_date__gte=first)
    if last:
        homeless = homeless.filter(person__assignment_date__lte=last)
    return list(Household.objects.filter(Exists(homeless), dissolved_on=None)
                .exclude(Exists(Placement.objects.filter(household=OuterRef("pk"))))
                .order_by("name", "pk")[:ARRIVAL_LIMIT])
