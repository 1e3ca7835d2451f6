"""Person export in the import format (product.md §5.2), so that an export can be edited
and imported again."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet

from kim.core.prefetch import prefetched
from kim.people.domain.persons import current_status
from kim.people.importers.columns import COLUMNS
from kim.people.models import HouseholdMember, LegalStatus, Person

HEADERS = [c.key for c in COLUMNS]


def rows(persons: QuerySet[Person], today: datetime.date) -> Iterator[list[Any]]:
    persons = persons.prefetch_related(
        Prefetch("statuses", queryset=LegalStatus.objects.order_by("valid_from")),
        Prefetch("household_memberships", to_attr="current_households",
                 queryset=HouseholdMember.objects.filter(valid_to=None)
                 .select_related("household")))
    for person in persons.iterator(chunk_size=2000):
        status = current_status(list(person.statuses.all()), today)
        membership = next(iter(prefetched(person, "current_households")), None)
        yield [person.external_id, person.family_name, person.given_names,
               person.birth_date_fact, person.sex, ",".join(person.citizenships),
               membership.household.reference or f"H{membership.household_id}"
               if membership else "",
               membership.role if membership else "",
               person.entry_date, person.asylum_application_date, person.assignment_date,
               status.code if status else "", status.valid_from if status else None,
               person.accommodation_code, person.accommodation_since, person.activity,
               person.childcare]
