"""The school worklist from the rules engine's schooling decision (issue 11 item 5)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from kim.core.models import Organisation
from kim.education.domain.schooling import school_gaps
from kim.education.models import EmploymentRecord, SchoolRecord
from kim.people.domain import timelines
from kim.people.models import Person
from kim.rules.dates import add_years
from tests.people.factories import person_with

D = datetime.date


def build(soest, day):
    """Born so that on ``day`` they are 8 (two), 16, 11 (grade 6), 20 and 21."""
    def born(years, name):
        return person_with(soest, ("refugee", add_years(day, -2)), family_name=name,
                           birth_date=add_years(day, -years) - datetime.timedelta(days=30))

    school = Organisation.objects.create(municipality=soest, name="Grundschule Test",
                                         kinds=["school"])
    people = {"unplaced": born(8, "Ohneschule"), "pupil": born(8, "Schulkind"),
              "youth": born(16, "Jugendlich"), "lateral": born(11, "Seiteneinstieg"),
              "adult": born(20, "Volljaehrig"), "worker": born(21, "Arbeitend")}
    since = add_years(day, -1)
    SchoolRecord.objects.create(municipality=soest, person=people["pupil"], valid_from=since,
                                school=school, class_type="regular", grade=3)
    SchoolRecord.objects.create(municipality=soest, person=people["lateral"],
                                valid_from=since, school=school, class_type="lateral",
                                grade=6)
    EmploymentRecord.objects.create(municipality=soest, person=people["worker"],
                                    valid_from=since, activity="employed")
    return people


@pytest.mark.django_db
def test_school_gaps_follow_the_schooling_decision(soest):
    day = D(2026, 3, 1)
    with scope(municipality=soest):
        people = build(soest, day)
        timelines.refresh_municipality(soest, day)
        found = school_gaps(soest, day, Person.objects.filter(municipality=soest))
    names = {p.pk: key for key, p in people.items()}
    assert [(names[g.person_id], g.problem, g.age) for g in found] == [
        ("unplaced", "no_school", 8), ("youth", "no_international_class", 16),
        ("lateral", "first_assessment", 11), ("adult", "young_adult", 20)]


@pytest.mark.django_db
def test_school_office_sees_only_children(personas, soest):
    with scope(municipality=soest):
        build(soest, timezone.localdate())
        timelines.refresh_municipality(soest)
    url = reverse("education:gap_school", kwargs={"municipality": soest.slug})
    office = personas["school_office"].client().get(url).content.decode()
    assert "Ohneschule" in office and "Seiteneinstieg" in office
    assert "Volljaehrig" not in office and "Schulkind" not in office
    assert "Ersteinschätzung" in office
    casework = personas["caseworker"].client().get(url + "?which=young_adult").content.decode()
    assert "Volljaehrig" in casework and "Ohneschule" not in casework
    assert personas["provider"].client().get(url).status_code == 403
