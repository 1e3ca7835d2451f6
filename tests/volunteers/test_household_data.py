"""Requests made for a household: in its members' Art. 15 export, and unlinked from the
household when every member's case has closed (retention)."""

import datetime
from io import StringIO

from django.core.management import call_command
from django_scopes import scope

from kim.people.models import HouseholdMember
from kim.volunteers.domain.households import collect
from kim.volunteers.models import Request
from tests.people.factories import PersonFactory
from tests.volunteers.conftest import request_for


def _member(pool, **kwargs):
    with scope(municipality=pool.municipality):
        person = PersonFactory(municipality=pool.municipality, **kwargs)
        HouseholdMember.objects.create(municipality=pool.municipality, household=pool.household,
                                       person=person, role="head",
                                       valid_from=datetime.date(2023, 1, 1))
    return person


def test_access_export_lists_the_households_requests(pool):
    person = _member(pool)
    request_for(pool, household=pool.household, shared_with_volunteer="Vorname, Telefon",
                slots=["mon-pm", "sat-am"])
    request_for(pool)  # another household's: not in the export
    with scope(municipality=pool.municipality):
        (table,) = collect(person, pool.municipality)
    assert table.key == "volunteer_requests"
    assert [(r["need"], r["times"], r["shared"], r["status"]) for r in table.rows] == [
        ("Hausaufgabenhilfe", "Montag nachmittags, Samstag vormittags", "Vorname, Telefon",
         "offen")]


def test_retention_unlinks_requests_of_closed_households(pool):
    _member(pool, moved_away_date=datetime.date(2020, 1, 31))
    req = request_for(pool, household=pool.household, shared_with_volunteer="Telefon")
    call_command("retention", "run", "--municipality", "soest", stdout=StringIO())
    with scope(municipality=pool.municipality):
        req = Request.objects.get(pk=req.pk)
        assert (req.household, req.shared_with_volunteer, req.skill) == (None, "",
                                                                          "homework")


def test_retention_keeps_requests_of_households_still_here(pool):
    _member(pool)
    req = request_for(pool, household=pool.household, shared_with_volunteer="Telefon")
    call_command("retention", "run", "--municipality", "soest", stdout=StringIO())
    with scope(municipality=pool.municipality):
        assert Request.objects.get(pk=req.pk).household == pool.household

