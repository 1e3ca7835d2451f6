"""The private-housing waiting list: entries ranked with the municipality's policy
(kim.housing.waiting), eligibility from the rules engine's ``housing_category``, and the
recording of a placement into a municipal-rented or private flat that closes the entry."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from kim.core.localize import short_date
from kim.core.models import Municipality, User
from kim.housing.domain import stays as stays_domain
from kim.housing.domain.phases import PROTECTION_KINDS, chain_start
from kim.housing.domain.placement import members_of, place_household
from kim.housing.models import (
    EntryStatus,
    MoveOutReason,
    Placement,
    PlacementKind,
    PriorityPolicySetting,
    Regime,
    Stay,
    Unit,
    WaitingListEntry,
)
from kim.housing.waiting import PriorityPolicy, RankedEntry, WaitingEntry, eligibility, rank
from kim.people.domain.facts import regime_and_housing
from kim.people.domain.params import params_for
from kim.people.models import Household, HouseholdMember, LegalStatus, Person


def policy_of(municipality: Municipality) -> PriorityPolicy:
    setting = PriorityPolicySetting.objects.filter(municipality=municipality).first()
    return PriorityPolicy.from_dict(setting.policy) if setting else PriorityPolicy()


def save_policy(municipality: Municipality, policy: PriorityPolicy, user: User | None) -> None:
    setting = PriorityPolicySetting.objects.filter(municipality=municipality).first()
    if setting is None:
        setting = PriorityPolicySetting(municipality=municipality)
    setting.policy, setting.updated_by = policy.to_dict(), user
    setting.save()


SGB_REGIMES = ("sgb2", "sgb12")


def household_regime(values: list[str]) -> str:
    """Tab. 7 row of a household: SGB II/XII when any member receives it (the Jobcenter
    serves the family), otherwise AsylbLG."""
    return str(Regime.SGB if any(v in SGB_REGIMES for v in values) else Regime.ASYLBLG)


def household_verdict(found: Iterable[tuple[str, str] | None]) -> tuple[str, str]:
    """(housing category, Tab. 7 regime) of a household from its members' (regime,
    housing category) – None: no status. Consumed lazily: once a member is placeable and
    one receives SGB II/XII, neither can change – the rest costs no engine call."""
    categories, regimes = [], []
    for decision in found:
        if decision is None:
            continue
        regimes.append(decision[0])
        categories.append(decision[1])
        if "placeable" in categories and any(r in SGB_REGIMES for r in regimes):
            break
    return eligibility(categories).category, household_regime(regimes)


@dataclass
class Row:
    entry: WaitingListEntry
    ranked: RankedEntry
    size: int


def ranked_list(municipality: Municipality, day: datetime.date,
                policy: PriorityPolicy | None = None) -> list[Row]:
    """Active entries in priority order (eligible first, with position), then the
    ineligible ones – a constant number of queries."""
    policy = policy or policy_of(municipality)
    entries = list(WaitingListEntry.objects.filter(municipality=municipality,
                                                   status=EntryStatus.ACTIVE)
                   .select_related("household"))
    links = list(HouseholdMember.objects.filter(
        household_id__in=[e.household_id for e in entries], valid_to=None)
        .filter(Q(person__moved_away_date=None) | Q(person__moved_away_date__gt=day))
        .select_related("person").prefetch_related(
            Prefetch("person__statuses", queryset=LegalStatus.objects.order_by("valid_from")),
            "person__vulnerabilities",
            Prefetch("person__stays", queryset=Stay.objects.filter(start__lte=day)
                     .select_related("place__unit__facility"))))
    by_household: dict[int, list[Person]] = defaultdict(list)
    for link in links:
        by_household[link.household_id].append(link.person)
    params = params_for(municipality)
    records = []
    for entry in entries:
        persons = by_household.get(entry.household_id, [])
        categories, phase1, shared = [], [], []
        for person in persons:
            found = regime_and_housing(person, list(person.statuses.all()), day, params=params)
            if found is not None:
                categories.append(found[1])
            periods = [(s.start, s.end, s.place.unit.facility.kind) for s in person.stays.all()]
            phase1.append(chain_start(periods, ["phase1"]))
            shared.append(chain_start(periods, ["phase1", "phase2"]))
        records.append(WaitingEntry(
            key=str(entry.pk), applied_on=entry.applied_on, household_size=len(persons),
            housing_categories=tuple(categories),
            vulnerable=any({v.kind for v in p.vulnerabilities.all()} & PROTECTION_KINDS
                           for p in persons),
            phase1_since=min((d for d in phase1 if d), default=None),
            accommodated_since=min((d for d in shared if d), default=None)))
    by_key = {str(e.pk): e for e in entries}
    sizes = {r.key: r.household_size for r in records}
    return [Row(by_key[r.key], r, sizes[r.key]) for r in rank(records, policy, day)]


def add_entry(municipality: Municipality, household: Household, applied_on: datetime.date,
              note: str, user: User | None) -> WaitingListEntry:
    if WaitingListEntry.objects.filter(household=household, status=EntryStatus.ACTIVE).exists():
        raise ValidationError({"household": _("%(household)s is already on the waiting list.")
                               % {"household": household}})
    return WaitingListEntry.objects.create(municipality=municipality, household=household,
                                           applied_on=applied_on, note=note, created_by=user)


def close(entry: WaitingListEntry, status: str, on: datetime.date, note: str = "") -> None:
    if on < entry.applied_on:
        raise ValidationError({"on": _("The date cannot be before the application on "
                                       "%(date)s.") % {"date": short_date(entry.applied_on)}})
    entry.status, entry.closed_on = status, on
    if note:
        entry.note = note
    entry.save(update_fields=["status", "closed_on", "note"])


@transaction.atomic
def record_placement(household: Household, kind: str, on: datetime.date, *,
                     unit: Unit | None = None, note: str = "",
                     user: User | None = None) -> Placement:
    """Place the household: into a municipal-rented flat (``unit``; the members move
    there) or a private flat (their open stays end with "own flat"). Closes its waiting
    list entry, if it has one, and records the Placement with the benefit regime of the
    day – all or nothing. Households need not be on the waiting list: many find a flat
    themselves."""
    entry = (WaitingListEntry.objects.select_for_update()
             .filter(household=household, status=EntryStatus.ACTIVE).first())
    members = members_of([household], on).get(household.pk, [])
    if not members:
        raise ValidationError({"kind": _("%(household)s has no current members.")
                               % {"household": household}})
    if kind == PlacementKind.RENTED_FLAT:
        if unit is None or unit.facility.kind != "rented_flat":
            raise ValidationError({"unit": _("Choose a flat rented by the municipality.")})
        place_household(household, members, unit, on, user=user,
                        reason="phase_change")
    elif kind == PlacementKind.PRIVATE:
        for member in members:
            if member.open_stay is not None:
                stays_domain.move_out(member.open_stay, on, reason=MoveOutReason.OWN_FLAT,
                                      note=note)
    else:
        raise ValidationError({"kind": _("Choose where the household was placed.")})
    statuses = {p.pk: list(p.statuses.order_by("valid_from"))
                for p in (m.person for m in members)}
    regimes = []
    params = params_for(household.municipality)
    for member in members:
        found = regime_and_housing(member.person, statuses[member.person.pk], on, params=params)
        if found is not None:
            regimes.append(found[0])
    if entry is not None:
        close(entry, EntryStatus.PLACED, on)
    return Placement.objects.create(municipality=household.municipality, household=household,
                                    kind=kind, placed_on=on, regime=household_regime(regimes),
                                    entry=entry, note=note, created_by=user)


def placements(municipality: Municipality, first: datetime.date | None,
               last: datetime.date | None, kind: str = "") -> QuerySet[Placement]:
    """Recorded placements into flats, newest first, with the household's current size."""
    qs = Placement.objects.filter(municipality=municipality)
    if first:
        qs = qs.filter(placed_on__gte=first)
    if last:
        qs = qs.filter(placed_on__lte=last)
    if kind:
        qs = qs.filter(kind=kind)
    current = HouseholdMember.objects.filter(household=OuterRef("household"), valid_to=None)
    return (qs.select_related("household", "created_by")
            .annotate(size=Subquery(current.values("household").annotate(n=Count("pk"))
                                    .values("n")[:1]))
            .order_by("-placed_on", "-pk"))
