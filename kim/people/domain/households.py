"""Household changes that keep the history: splitting off members and merging households."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext

from kim.core.localize import short_date
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
