"""Recording persons and finding them again."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence
from typing import TypeVar

from django.db import connection, transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext

from kim.core.models import Municipality
from kim.people.domain.bulk import insert_values
from kim.people.domain.names import name_key, search_tokens, stored_tokens
from kim.people.models import HouseholdMember, LegalStatus, Person, PersonName, PersonNameToken

CHUNK = 2000  # ids per IN (...) list: far below every database's parameter limit
T = TypeVar("T")


def refresh_keys(person: Person) -> None:
    person.name_key = padded_key(f"{person.given_names} {person.family_name}")


def padded_key(name: str) -> str:
    """The stored form of a name key: token keys with surrounding blanks.

    Searching uses PersonNameToken (one indexed row per token), not this column."""
    key = name_key(name)
    return f" {key} " if key else ""


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@transaction.atomic
def store_name_tokens(persons: Sequence[Person], *, created: bool = False) -> None:
    """Bring the search tokens of saved ``persons`` in line with their names.

    The one place that writes PersonNameToken: call it after creating or changing persons
    or their name variants (bulk: once per batch; queries grow with len(persons) / CHUNK
    only). ``name_key`` must be current (:func:`refresh_keys`). Rows of deleted persons go
    with them (cascade). Only differing rows are written, so an unchanged re-save is cheap.
    ``created``: the persons were just inserted, so they have no tokens or variants yet.
    """
    ids = [] if created else [p.pk for p in persons]
    variants: dict[int, set[str]] = {}
    existing: dict[tuple[int, str], tuple[int, int]] = {}
    for part in chunks(ids):
        for person_id, given, family in PersonName.objects.filter(
                person_id__in=part).values_list("person_id", "given_names", "family_name"):
            variants.setdefault(person_id, set()).update(stored_tokens(f"{given} {family}"))
        for pk, person_id, token, year in PersonNameToken.objects.filter(
                person_id__in=part).values_list("pk", "person_id", "token", "birth_year"):
            existing[(person_id, token)] = (pk, year)
    wanted: dict[tuple[int, str], tuple[int, int]] = {}
    for person in persons:
        own = stored_tokens(f"{person.given_names} {person.family_name}")
        for token in {*person.name_key.split(), *own, *variants.get(person.pk, ())}:
            wanted[(person.pk, token)] = (person.municipality_id, person.birth_date.year)
    stale = [pk for key, (pk, year) in existing.items()
             if key not in wanted or wanted[key][1] != year]
    with connection.cursor() as cursor:  # plain SQL: derived rows, no signals; 5x faster
        for part in chunks(stale):
            cursor.execute("DELETE FROM people_personnametoken WHERE id IN ({})".format(  # noqa: S608
                ", ".join(["%s"] * len(part))), part)
    insert_values(PersonNameToken, ("municipality_id", "person_id", "token", "birth_year"),
                  [(municipality_id, person_id, token, year)
                   for (person_id, token), (municipality_id, year) in wanted.items()
                   if existing.get((person_id, token), (0, None))[1] != year])


@transaction.atomic
def save_person(person: Person) -> Person:
    refresh_keys(person)
    person.full_clean()
    created = person.pk is None
    person.save()
    store_name_tokens([person], created=created)
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
    """Spelling-tolerant name search, or exact ID / document number when it looks like one.
    Anonymised persons (statistical records after retention) are not listed."""
    qs = Person.objects.filter(municipality=municipality, anonymised_on__isnull=True)
    text = text.strip()
    if text and _ID_LIKE.match(text):
        # Two index lookups first: an OR across person and status (or a join with
        # DISTINCT) makes SQLite scan every person of the municipality.
        ids = {*Person.objects.filter(municipality=municipality, external_id=text)
               .exclude(external_id="").order_by().values_list("pk", flat=True),
               *LegalStatus.objects.filter(municipality=municipality, document_number=text)
               .order_by().values_list("person_id", flat=True)}
        if text.isdigit():
            ids.add(int(text))
        qs = qs.filter(pk__in=ids)
    elif text:
        # Every token must be one of the person's (any of their names): the intersection
        # of one index range per token (twice as fast as GROUP BY ... HAVING COUNT).
        hits = [PersonNameToken.objects.filter(municipality=municipality, token__in=sorted(keys))
                .values("person_id") for keys in search_tokens(text)]
        if birth_year:
            hits = [h.filter(birth_year=birth_year) for h in hits]
        if hits:
            qs = qs.filter(pk__in=hits[0].intersection(*hits[1:]) if len(hits) > 1 else hits[0])
    if birth_year:
        qs = qs.filter(birth_date__year=birth_year)
    return qs.order_by("family_name", "given_names", "pk")


def current_household(person: Person) -> HouseholdMember | None:
    return (HouseholdMember.objects.filter(person=person, valid_to=None)
            .select_related("household").first())


def picker_label(person: Person) -> str:
    """"Yilmaz, Deniz (born 03.04.1990, no. 17)": namesakes told apart in a picker."""
    return gettext("%(name)s (born %(birth)s, no. %(number)s)") % {
        "name": person, "birth": person.birth_date_display, "number": person.pk}
