"""The token index narrows the duplicate check without changing its answers."""

import datetime
import random

from kim.people.demo.names import FAMILY, GIVEN
from kim.people.domain.duplicates import DuplicateIndex, person_like, probable_duplicates_of
from kim.people.domain.names import PersonLike
from kim.people.models import Person, PersonName
from tests.people.factories import PersonFactory

# Spelling variants a registration office produces (folded to the same keys).
VARIANTS = (("mm", "m"), ("ou", "u"), ("ss", "s"), ("ei", "ai"), ("k", "q"), ("y", "i"))


def respell(name, rng):
    for old, new in rng.sample(VARIANTS, 3):
        name = name.replace(old, new)
    return name


def test_index_from_token_table_answers_like_the_full_index(in_soest):
    rng = random.Random(5)
    stored = []
    for _ in range(120):
        region, sex = rng.choice(sorted(FAMILY)), rng.choice("mf")
        stored.append(PersonFactory(
            municipality=in_soest, family_name=rng.choice(FAMILY[region]),
            given_names=rng.choice(GIVEN[f"{region}_{sex}"]), sex=sex,
            birth_date=datetime.date(rng.randint(1980, 1982), rng.randint(1, 12), 1)))
    probes = [PersonLike(respell(p.family_name, rng), respell(p.given_names, rng),
                         p.birth_date_fact if rng.random() < 0.7 else f"{p.birth_date.year}",
                         p.sex) for p in rng.sample(stored, 60)]
    probes += [PersonLike("Unknown", "Single", "1981"), PersonLike("Ng", "", "1981")]
    full = DuplicateIndex(Person.objects.all())
    narrow = DuplicateIndex.for_probes(in_soest, probes)
    found = 0
    for probe in probes:
        expected = full.matches(probe)
        assert narrow.matches(probe) == expected, probe
        assert probable_duplicates_of(in_soest, probe) == expected, probe
        found += len(expected)
    assert found >= 60  # every respelt probe finds at least its original


def test_exclude_and_missing_birth_date(in_soest):
    person = PersonFactory(municipality=in_soest, family_name="Tesfay", given_names="Abel",
                           birth_date=datetime.date(1990, 5, 1), sex="m")
    probe = PersonLike("Tesfai", "Abel", "1990")
    assert [m.person_id for m in probable_duplicates_of(in_soest, probe)] == [person.pk]
    assert probable_duplicates_of(in_soest, probe, exclude_id=person.pk) == []
    assert probable_duplicates_of(in_soest, PersonLike("Tesfai", "Abel", None)) == []


def test_variant_tokens_do_not_widen_the_check(in_soest):
    """Candidates come from all names (token table), the comparison from the main name."""
    person = PersonFactory(municipality=in_soest, family_name="Kovalenko", given_names="Olena",
                           birth_date=datetime.date(1979, 3, 1))
    PersonName.objects.create(municipality=in_soest, person=person, family_name="Haddad",
                              given_names="Mariam")
    from kim.people.domain.persons import store_name_tokens

    store_name_tokens([person])
    probe = PersonLike("Haddad", "Mariam", "1979-03-01", "f")
    assert DuplicateIndex(Person.objects.all()).matches(probe) == []
    assert probable_duplicates_of(in_soest, probe) == []
    assert probable_duplicates_of(in_soest, person_like(person))[0].person_id == person.pk
