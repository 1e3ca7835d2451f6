"""Probable duplicates: the same person registered twice under other spellings."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kim.core.models import Municipality
from kim.people.domain.names import PersonLike, probable_duplicate, token_keys
from kim.people.models import Person


@dataclass(frozen=True)
class Match:
    person_id: int
    label: str
    score: float
    reasons: tuple[str, ...]


def person_like(person: Person) -> PersonLike:
    return PersonLike(person.family_name, person.given_names, person.birth_date_fact,
                      person.sex or None)


def _keys(name_key: str, year: int) -> set[tuple[str, int]]:
    return {(token, year) for token in name_key.split()}


class DuplicateIndex:
    """Candidate lookup by (phonetic token key, birth year), then a full comparison.

    A candidate must share two such keys with the probe (one if the probe has a single
    name token): common names alone ("Mohammed", born 1990) would otherwise make every
    row a candidate of every other. Every compatible birth date (partial, day/month
    swapped, 01.01. placeholder) lies in the same year. Built once per import (one query).
    """

    def __init__(self, persons: Iterable[Person]) -> None:
        self._by_key: dict[tuple[str, int], list[Person]] = defaultdict(list)
        for person in persons:
            self.add(person)

    @classmethod
    def for_municipality(cls, municipality: Municipality) -> DuplicateIndex:
        return cls(Person.objects.filter(municipality=municipality).only(
            "pk", "family_name", "given_names", "birth_date", "birth_date_precision", "sex",
            "name_key", "municipality"))

    def add(self, person: Person) -> None:
        for key in _keys(person.name_key, person.birth_date.year):
            self._by_key[key].append(person)

    def matches(self, candidate: PersonLike, exclude_id: int | None = None) -> list[Match]:
        tokens = token_keys(f"{candidate.given_names} {candidate.family_name}")
        year = int((candidate.birth_date or "0")[:4])
        shared: Counter[int] = Counter()
        people: dict[int, Person] = {}
        for key in {(token, year) for token in tokens}:
            for person in self._by_key.get(key, ()):
                if person.pk != exclude_id:
                    shared[id(person)] += 1
                    people[id(person)] = person
        needed = min(2, len(tokens))
        found = []
        for person in (people[i] for i, n in shared.items() if n >= needed):
            verdict = probable_duplicate(candidate, person_like(person))
            if verdict.is_probable:
                found.append(Match(person.pk, str(person), verdict.score, tuple(verdict.reasons)))
        return sorted(found, key=lambda m: -m.score)


def probable_duplicates_of(municipality: Municipality, candidate: PersonLike,
                           exclude_id: int | None = None) -> list[Match]:
    """For the create form: narrow by token keys in the database first."""
    from django.db.models import Q

    keys = token_keys(f"{candidate.given_names} {candidate.family_name}")
    if not keys:
        return []
    query = Q()
    for key in keys:
        query |= Q(name_key__contains=f" {key} ")
    return DuplicateIndex(Person.objects.filter(query)).matches(candidate, exclude_id)
