"""Household changes that keep the history: splitting off members and merging households."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils.translation import gettext

from kim.core.localize import short_date
from kim.core.models import Municipality
from kim.people.domain import timelines
from kim.people.models import Household, HouseholdMember, Person


class HouseholdError(ValueError):
    pass


def _move(members: Iterable[HouseholdMember], target: Household, on: datetime.date) -> int:
    """Move the members to ``target`` from ``on``; their time lines follow."""
    moved: list[int] = []
    for membership in members:
        if on <= membership.valid_from:
            raise HouseholdError(gettext("%(person)s only joined on %(date)s; choose a later "
                                         "date.") % {"person": membership.person,
                                                     "date": short_date(membership.valid_from)})
        membership.valid_to = on - datetime.timedelta(days=1)
        membership.save()
        HouseholdMember.objects.create(municipality_id=target.municipality_id,
                                       household=target, person=membership.person,
                                       role=membership.role, valid_from=on)
        moved.append(membership.person_id)
    timelines.refresh_persons(target.municipality, moved)
    return len(moved)


@transaction.atomic
def split(household: Household, persons: Iterable[Person], name: str,
          on: datetime.date) -> Household:
    """The given current members form a new household from ``on``."""
    persons = list(persons)
    current = list(household.members.filter(valid_to=None, person__in=persons)
                   .select_related("person"))
    if not current or len(current) != len(persons):
        raise HouseholdError("Choose current members of this household.")
    if len(current) == household.members.filter(valid_to=None).count():
        raise HouseholdError("At least one member must stay in the household.")
    new = Household.objects.create(municipality_id=household.municipality_id, name=name)
    _move(current, new, on)
    return new


@transaction.atomic
def merge(target: Household, source: Household, on: datetime.date) -> int:
    """All current members of ``source`` join ``target`` from ``on``; ``source`` is dissolved."""
    if target.pk == source.pk:
        raise HouseholdError("A household cannot be merged with itself.")
    moved = _move(source.members.filter(valid_to=None).select_related("person"), target, on)
    source.dissolved_on = on
    source.save()
    return moved


def picker_choices(municipality: Municipality, text: str, limit: int = 20) -> list[tuple[int, str]]:
    """Current households for a picker: by number, or every word in the household's name
    or a current member's name; labelled so that namesakes can be told apart (3 queries)."""
    qs = Household.objects.filter(municipality=municipality, dissolved_on=None)
    if text.isdigit():
        qs = qs.filter(pk=int(text))
    for word in [] if text.isdigit() else text.split()[:5]:
        named = HouseholdMember.objects.filter(
            Q(person__family_name__icontains=word) | Q(person__given_names__icontains=word),
            municipality=municipality, valid_to=None).values("household_id")
        qs = qs.filter(Q(name__icontains=word) | Q(pk__in=named))
    qs = qs.order_by("name", "pk").prefetch_related(Prefetch(
        "members", to_attr="current", queryset=HouseholdMember.objects.filter(valid_to=None)
        .select_related("person").order_by("valid_from", "pk")))
    return [(h.pk, picker_label(h)) for h in qs[:limit]]


def picker_label(household: Household) -> str:
    """"Ahmadi (no. 12): Reza 1985, Sara 1990, …" – needs ``current`` members prefetched."""
    members = [f"{m.person.given_names} {m.person.birth_date:%Y}"
               for m in household.current]  # type: ignore[attr-defined]
    return gettext("%(name)s (no. %(number)s): %(members)s") % {
        "name": household.name or "–", "number": household.pk,
        "members": ", ".join(members[:4]) + (", …" if len(members) > 4 else "") or "–"}
