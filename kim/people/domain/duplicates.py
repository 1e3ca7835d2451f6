"""Probable duplicates: the same person registered twice under other spellings."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import Count

from kim.core.models import Municipality
from kim.people.domain.names import PersonLike, probable_duplicate, token_keys
from kim.people.domain.persons import chunks
from kim.people.models import Person, PersonNameToken
from kim.people.models.fields import partial_date_text


@dataclass(frozen=True)
class Match:
    person_id: int  # < 0: a row of the import file (-row number)
    label: str
    score: float
    reasons: tuple[str, ...]
    count: int = 1  # how many identical rows of the file this entry stands for

    @property
    def file_row(self) -> int | None:
        return -self.person_id if self.person_id < 0 else None


def person_like(person: Person) -> PersonLike:
    return PersonLike(person.family_name, person.given_names, person.birth_date_fact,
                      person.sex or None)


class _Entry(NamedTuple):
    pk: int
    label: str
    like: PersonLike


_ROW = ("pk", "family_name", "given_names", "birth_date", "birth_date_precision", "sex",
        "name_key")


class DuplicateIndex:
    """Candidate lookup by (phonetic token key, birth year), then a full comparison.

    A candidate must share two such keys with the probe (one if the probe has a single
    name token): common names alone ("Mohammed", born 1990) would otherwise make every
    row a candidate of every other. Every compatible birth date (partial, day/month
    swapped, 01.01. placeholder) lies in the same year. An import builds one from the
    persons the token table names as candidates of its rows (:meth:`for_probes`); entries
    are plain tuples, not model instances (thousands per import).
    """

    def __init__(self, persons: Iterable[Person] = ()) -> None:
        self._by_key: dict[tuple[str, int], list[_Entry]] = defaultdict(list)
        # Rows of a file that are identical (names, birth date, sex) share one entry: 2 000
        # identical rows are one comparison each, not 2 000 (the count says how many).
        self._probe_ids: dict[PersonLike, int] = {}
        self._counts: dict[int, int] = {}
        for person in persons:
            self.add(person)

    @classmethod
    def for_probes(cls, municipality: Municipality,
                   probes: Iterable[PersonLike]) -> DuplicateIndex:
        """Only the stored persons that :meth:`matches` could return for some probe."""
        index = cls()
        ids = sorted(_candidate_ids(municipality, probes))
        for part in chunks(ids):
            for pk, family, given, born, precision, sex, key in \
                    Person.objects.filter(pk__in=part).order_by().values_list(*_ROW):
                like = PersonLike(family, given, partial_date_text(born, precision), sex or None)
                index._add(_Entry(pk, f"{family}, {given}", like), key.split(), born.year)
        return index

    def add(self, person: Person) -> None:
        self._add(_Entry(person.pk, str(person), person_like(person)), person.name_key.split(),
                  person.birth_date.year)

    def add_probe(self, pk: int, probe: PersonLike) -> None:
        """A row not stored yet (``pk`` a placeholder): later rows are compared with it."""
        known = self._probe_ids.get(probe)
        if known is not None:
            self._counts[known] += 1
            return
        keyed = _probe_keys(probe)
        if keyed:
            self._probe_ids[probe] = pk
            self._counts[pk] = 1
            self._add(_Entry(pk, f"{probe.family_name}, {probe.given_names}", probe),
                      keyed[0], keyed[1])

    def _add(self, entry: _Entry, tokens: Iterable[str], year: int) -> None:
        for token in set(tokens):
            self._by_key[(token, year)].append(entry)

    def matches(self, candidate: PersonLike, exclude_id: int | None = None) -> list[Match]:
        tokens = token_keys(f"{candidate.given_names} {candidate.family_name}")
        year = int((candidate.birth_date or "0")[:4])
        shared: Counter[int] = Counter()
        entries: dict[int, _Entry] = {}
        for key in {(token, year) for token in tokens}:
            for entry in self._by_key.get(key, ()):
                if entry.pk != exclude_id:
                    shared[id(entry)] += 1
                    entries[id(entry)] = entry
        needed = min(2, len(tokens))
        found = []
        for entry in (entries[i] for i, n in shared.items() if n >= needed):
            verdict = probable_duplicate(candidate, entry.like)
            if verdict.is_probable:
                found.append(Match(entry.pk, entry.label, verdict.score,
                                   tuple(verdict.reasons), self._counts.get(entry.pk, 1)))
        return sorted(found, key=lambda m: -m.score)


def _probe_keys(probe: PersonLike) -> tuple[frozenset[str], int] | None:
    keys = token_keys(f"{probe.given_names} {probe.family_name}")
    return (keys, int(probe.birth_date[:4])) if keys and probe.birth_date else None


# Per probe: the stored persons with enough of its (token, birth year) keys. The join runs
# in the database on the (municipality, token, year) index; one query per ~1 000 probes.
_CANDIDATES_SQL = """
WITH probe(n, token, year, needed) AS (VALUES {values})
SELECT DISTINCT c.person_id FROM (
    SELECT t.person_id AS person_id FROM probe p JOIN {table} t
        ON t.municipality_id = %s AND t.token = p.token AND t.birth_year = p.year
    GROUP BY p.n, t.person_id HAVING COUNT(*) >= MAX(p.needed)) c"""
_MAX_PARAMS = 4000


def _candidate_ids(municipality: Municipality, probes: Iterable[PersonLike]) -> set[int]:
    found: set[int] = set()
    params: list[Any] = []

    def flush() -> None:
        values = ", ".join(["(%s, %s, %s, %s)"] * (len(params) // 4))
        with connection.cursor() as cursor:
            cursor.execute(_CANDIDATES_SQL.format(values=values,
                                                  table=PersonNameToken._meta.db_table),
                           [*params, municipality.pk])
            found.update(row[0] for row in cursor.fetchall())
        params.clear()

    distinct = dict.fromkeys(k for k in map(_probe_keys, probes) if k)  # identical rows: once
    for n, keyed in enumerate(distinct):
        if keyed:
            keys, year = keyed
            for token in sorted(keys):
                params += [n, token, year, min(2, len(keys))]
            if len(params) >= _MAX_PARAMS:
                flush()
    if params:
        flush()
    return found


def probable_duplicates_of(municipality: Municipality, candidate: PersonLike,
                           exclude_id: int | None = None) -> list[Match]:
    """For the create form: the candidates come from the token index (one query)."""
    keyed = _probe_keys(candidate)
    if keyed is None:
        return []
    keys, year = keyed
    ids = (PersonNameToken.objects.filter(municipality=municipality, token__in=keys,
                                          birth_year=year)
           .values("person_id").annotate(n=Count("pk")).filter(n__gte=min(2, len(keys)))
           .values("person_id"))
    return DuplicateIndex(Person.objects.filter(municipality=municipality, pk__in=ids)
                          .order_by().only(*_ROW, "municipality")).matches(candidate, exclude_id)
