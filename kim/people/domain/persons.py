"""Recording persons and finding them again."""

from __future__ import annotations

import datetime
import re

from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet

from kim.core.models import Municipality
from kim.people.domain.names import name_key
from kim.people.models import HouseholdMember, LegalStatus, Person


def refresh_keys(person: Person) -> None:
    person.name_key = padded_key(f"{person.given_names} {person.family_name}")


def padded_key(name: str) -> str:
    """Token keys with surrounding blanks, so a LIKE ' key ' matches whole tokens only."""
    key = name_key(name)
    return f" {key} " if key else ""


@transaction.atomic
def save_person(person: Person) -> Person:
    refresh_keys(person)
    person.full_clean()
    person.save()
    return person


def current_status(statuses: list[LegalStatus], day: datetime.date) -> LegalStatus | None:
    current = None
    for status in sorted(statuses, key=lambda s: s.valid_from):
        if status.valid_from <= day:
            current = status
    return current


def with_list_data(qs: QuerySet[Person]) -> QuerySet[Person]:
    """What a person list shows, in a constant number of queries."""
    return qs.prefetch_related(
        Prefetch("statuses", queryset=LegalStatus.objects.order_by("valid_from")),
    )


# IDs and document numbers contain a digit and no blank; names never contain digits.
_ID_LIKE = re.compile(r"^[\w/.-]*\d[\w/.-]*$")


def search(municipality: Municipality, text: str = "",
           birth_year: int | None = None) -> QuerySet[Person]:
    """Spelling-tolerant name search, or exact ID / document number when it looks like one."""
    qs = Person.objects.filter(municipality=municipality)
    text = text.strip()
    if text and _ID_LIKE.match(text):
        ids = Q(external_id=text) | Q(statuses__document_number=text)
        if text.isdigit():
            ids |= Q(pk=int(text))
        qs = qs.filter(ids).distinct()
    elif text:
        for token in name_key(text).split():
            pattern = f" {token} "
            qs = qs.filter(Q(name_key__contains=pattern) | Q(names__name_key__contains=pattern))
        qs = qs.distinct()
    if birth_year:
        qs = qs.filter(birth_date__year=birth_year)
    return qs.order_by("family_name", "given_names", "pk")


def current_household(person: Person) -> HouseholdMember | None:
    return (HouseholdMember.objects.filter(person=person, valid_to=None)
            .select_related("household").first())
