"""Spelling-tolerant search."""

import datetime

import pytest

from kim.people.domain.persons import search
from tests.people.factories import PersonFactory, StatusFactory


@pytest.fixture
def people(in_soest):
    return {
        "mohammed": PersonFactory(municipality=in_soest, family_name="Al-Hassan",
                                  given_names="Mohammed", birth_date=datetime.date(1985, 5, 2)),
        "mahmoud": PersonFactory(municipality=in_soest, family_name="Darwish",
                                 given_names="Mahmoud", birth_date=datetime.date(1985, 5, 2)),
        "olena": PersonFactory(municipality=in_soest, family_name="Kovalenko",
                               given_names="Olena", birth_date=datetime.date(1979, 1, 1),
                               external_id="EXT-4711"),
    }


@pytest.mark.parametrize("query,expected", [
    ("Muhammad Hassan", "mohammed"),
    ("mohamad el hassan", "mohammed"),
    ("Alhassan", "mohammed"),
    ("Elena Kowalenko", "olena"),
    ("Олена Коваленко", "olena"),
    ("EXT-4711", "olena"),
])
def test_variants_find_the_person(people, in_soest, query, expected):
    assert list(search(in_soest, query)) == [people[expected]]


def test_birth_year_narrows(people, in_soest):
    assert set(search(in_soest, "", 1985)) == {people["mohammed"], people["mahmoud"]}
    assert list(search(in_soest, "Darwish", 1979)) == []


def test_document_number_finds_person(people, in_soest):
    StatusFactory(person=people["mahmoud"], code="gestattung", document_number="B1234567")
    assert list(search(in_soest, "B1234567")) == [people["mahmoud"]]
