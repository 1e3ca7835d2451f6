"""Names are cleaned wherever they enter (issue 10, finding "U+202E and zero-width characters
are stored in names"): NFC, no bidi controls, no stray zero-width characters."""

import io

import pytest
from django_scopes import scope

from kim.core.io.cells import text
from kim.core.text import clean_text
from kim.people.domain.persons import padded_key
from kim.people.importers.persons import import_persons
from kim.people.models import Household, Person, PersonName

MUELLER = "M\u00fcller"


@pytest.mark.parametrize(("raw", "clean"), [
    ("\u202eMüller", MUELLER),                       # right-to-left override
    ("Mül\u200bler", MUELLER),                       # zero-width space
    ("Mu\u0308ller", MUELLER),                       # decomposed ü -> NFC
    ("\u2066Müller\u2069", MUELLER),                 # isolates
    ("Mül\u00adler\ufeff", MUELLER),                 # soft hyphen, BOM
    ("Mül\u200dler", MUELLER),                       # a joiner inside Latin text
    ("\u200cMüller", MUELLER),                       # a joiner at the start
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: the ZWNJ is spelling
     "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),
    ("\u0627\u0644\u0639\u0644\u064a\u200f", "\u0627\u0644\u0639\u0644\u064a"),  # RLM gone
    ("", ""),
])
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_import_cells_are_cleaned_before_the_length_check():
    parse = text(6)
    assert parse("Mül\u200b\u200bler") == MUELLER
    assert parse("\u202eAbc") == "Abc"


def test_a_name_typed_with_a_bidi_override_is_stored_clean(personas, soest):
    client = personas["caseworker"].client()
    response = client.post("/soest/persons/new/", {
        "family_name": "\u202eRahimi\u200b", "given_names": "Om\u200bid", "birth": "1994",
        "sex": "m", "citizenship_codes": "af"})
    assert response.status_code == 302
    with scope(municipality=soest):
        person = Person.objects.get(family_name="Rahimi")
        assert person.given_names == "Omid"
        assert person.name_key == padded_key("Omid Rahimi") != ""


def test_the_model_cleans_on_save_and_in_lookups(in_soest):
    person = Person.objects.create(municipality=in_soest, family_name="Mu\u0308ller\u202e",
                                   given_names="Anna", birth_date="1990-01-01")
    person.refresh_from_db()
    assert person.family_name == MUELLER
    assert Person.objects.filter(family_name="M\u00fc\u200bller").get() == person
    alias = PersonName.objects.create(municipality=in_soest, person=person, kind="alias",
                                      family_name="\u2067Mueller\u2069")
    alias.refresh_from_db()
    assert alias.family_name == "Mueller"
    household = Household.objects.create(municipality=in_soest, name="Fam\u200bilie Müller")
    household.refresh_from_db()
    assert household.name == "Familie Müller"


def test_an_imported_name_with_zero_width_characters_is_found_as_a_duplicate(in_soest):
    header = "external_id,family_name,given_names,birth_date,sex,citizenship\n"
    first = import_persons(in_soest, io.BytesIO(
        (header + "A1,Haddad,Mariam,1990-03-01,f,SY\n").encode()), "a.csv")
    assert first.ok and first.written
    second = import_persons(in_soest, io.BytesIO(
        (header + "B1,Had\u200bdad,\u202eMariam,1990-03-01,f,SY\n").encode()), "b.csv",
        dry_run=True)
    assert second.duplicates, "the cleaned name must match the stored one"
