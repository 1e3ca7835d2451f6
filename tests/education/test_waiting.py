"""Waiting for a course (issue 11 item 4): waiting time from eligibility to the start,
mothers waiting without childcare, free seats that fit the persons waiting."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scope

from kim.core.models import Area
from kim.core.modules import GapContext
from kim.core.reports.registry import ReportParams
from kim.education.domain import waiting
from kim.education.domain.gaps import gaps
from kim.education.models import Assessment, ChildcareRecord
from kim.education.reports_waiting import course_waiting
from kim.people.domain import timelines
from kim.people.models import Household, HouseholdMember
from tests.education.factories import CourseFactory, ProviderFactory, ReferralFactory
from tests.people.factories import person_with

D = datetime.date
DAY = D(2026, 3, 1)


def test_percentile_is_the_nearest_rank():
    assert waiting.percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9) == 90
    assert waiting.percentile([5, 1, 3], 0.9) == 5
    assert waiting.percentile([7], 0.5) == 7


def test_eligible_since_takes_the_latest_stretch_begun_before_the_day():
    runs = [(D(2020, 1, 1), D(2020, 6, 1)), (D(2021, 1, 1), D(2022, 1, 1))]
    assert waiting.eligible_since(runs, D(2021, 3, 1)) == D(2021, 1, 1)
    assert waiting.eligible_since(runs, D(2020, 8, 1)) == D(2020, 1, 1)
    assert waiting.eligible_since(runs, D(2019, 8, 1)) is None


@pytest.mark.django_db
def test_waiting_time_per_course_type(soest):
    """Five persons entitled from 01.09.2025 start an integration course on 12.01.2026
    after 133 days; one from 01.11.2025 after 72; a women's course start of one person
    shows the count but no median (fewer than five)."""
    with scope(municipality=soest):
        course = CourseFactory(municipality=soest, start=D(2026, 1, 12))
        women = CourseFactory(municipality=soest, kind="women", start=D(2026, 2, 2))
        for n in range(5):
            person = person_with(soest, ("refugee", D(2025, 9, 1)), family_name=f"Lang{n}")
            ReferralFactory(course=course, person=person, referred_on=D(2025, 12, 1),
                            start=D(2026, 1, 12))
        late = person_with(soest, ("refugee", D(2025, 11, 1)), family_name="Spaet")
        ReferralFactory(course=course, person=late, referred_on=D(2025, 12, 1),
                        start=D(2026, 1, 12))
        woman = person_with(soest, ("refugee", D(2025, 9, 1)), family_name="Frau", sex="f")
        ReferralFactory(course=women, person=woman, referred_on=D(2026, 1, 1),
                        start=D(2026, 2, 2))
        timelines.refresh_municipality(soest, DAY)
        days = waiting.waiting_days(soest, D(2026, 1, 1), D(2026, 2, 28))
        data = course_waiting(soest, ReportParams(as_of=D(2026, 2, 28),
                                                  period_start=D(2026, 1, 1)))
    assert sorted(days["integration"]) == [72, 133, 133, 133, 133, 133]
    rows = {r["kind"]: r for r in data.rows}
    assert (rows["integration"]["started"], rows["integration"]["median_days"],
            rows["integration"]["p90_days"]) == (6, 133, 133)
    assert (rows["women"]["started"], rows["women"]["median_days"]) == (1, None)
    assert data.totals == {"started": 7, "median_days": 133, "p90_days": 154}


def _mother(soest, name, child_birth, sex="f"):
    mother = person_with(soest, ("refugee", D(2025, 9, 1)), family_name=name, sex=sex)
    child = person_with(soest, ("refugee", D(2025, 9, 1)), family_name=f"{name} Kind",
                        birth_date=child_birth)
    home = Household.objects.create(municipality=soest, name=name)
    HouseholdMember.objects.create(municipality=soest, household=home, person=mother, role="head",
                                   valid_from=D(2025, 9, 1))
    HouseholdMember.objects.create(municipality=soest, household=home, person=child, role="child",
                                   valid_from=D(2025, 9, 1))
    return mother, child


@pytest.mark.django_db
def test_mothers_waiting_without_childcare(soest):
    with scope(municipality=soest):
        course = CourseFactory(municipality=soest, start=D(2026, 6, 1))
        alone, _child = _mother(soest, "Ohneplatz", D(2024, 5, 1))
        placed, child = _mother(soest, "Mitplatz", D(2024, 5, 1))
        ChildcareRecord.objects.create(municipality=soest, person=child,
                                       valid_from=D(2025, 10, 1), kind="kita")
        older, _child = _mother(soest, "Grosskind", D(2021, 5, 1))
        father, _child = _mother(soest, "Vater", D(2024, 5, 1), sex="m")
        at_home, _child = _mother(soest, "Nichtwartend", D(2024, 5, 1))
        for person in (alone, placed, older, father):
            ReferralFactory(course=course, person=person, referred_on=D(2026, 1, 5))
        found = waiting.mothers_waiting(soest, DAY)
        flags = {p.family_name: [f.code for f in waiting.flags(p, GapContext(DAY, None))]
                 for p in (alone, placed, at_home)}
    assert found == {alone.pk}
    assert flags == {"Ohneplatz": ["education.childcare_missing"], "Mitplatz": [],
                     "Nichtwartend": []}


@pytest.mark.django_db
def test_free_seats_fit_persons_waiting(soest):
    """A women's course with childcare in the north fits the waiting mother of the north;
    a full course and a course in another district fit nobody; the man fits the regular
    course but not the women's course (and not the later course too: one suggestion per
    person); an assessment at B1 excludes a B1 course."""
    with scope(municipality=soest):
        north = Area.objects.create(municipality=soest, name="Nord", level="district")
        south = Area.objects.create(municipality=soest, name="Süd", level="district")
        provider = ProviderFactory(municipality=soest)
        CourseFactory(municipality=soest, provider=provider, kind="women",
                              start=D(2026, 4, 1), seats=2, childcare=True, area=north,
                              status="open", title="Frauenkurs Nord")
        regular = CourseFactory(municipality=soest, provider=provider, start=D(2026, 4, 1),
                                seats=3, area=north, status="open", title="Kurs Nord")
        CourseFactory(municipality=soest, provider=provider, start=D(2026, 4, 1), seats=3,
                      area=south, status="open", title="Kurs Süd")
        CourseFactory(municipality=soest, provider=provider, start=D(2026, 5, 4), seats=3,
                      area=north, status="open", title="Kurs Nord später")
        CourseFactory(municipality=soest, provider=provider, start=D(2026, 4, 1), seats=3,
                      area=north, status="full", title="Voller Kurs")
        mother, _child = _mother(soest, "Mutter", D(2024, 5, 1))
        person_with(soest, ("refugee", D(2025, 10, 1)), family_name="Mann", sex="m",
                    area=north)
        fluent = person_with(soest, ("refugee", D(2025, 10, 1)), family_name="Fliessend",
                             sex="m", area=north)
        Assessment.objects.create(municipality=soest, person=fluent, provider=provider,
                                  assessed_on=D(2026, 1, 5), assessor="Test",
                                  listening="B1", reading="B1", writing="B2", speaking="B1")
        for person in (mother,):
            person.area = north
            person.save()
        timelines.refresh_municipality(soest, DAY)
        found = waiting.suggestions(soest, DAY, gaps(soest, DAY))
    assert [(s.course.title, s.free, [p.family_name for p in s.persons]) for s in found] == [
        ("Frauenkurs Nord", 2, ["Mutter"]), ("Kurs Nord", 3, ["Mann"])]
    assert regular.seats == 3


@pytest.mark.django_db
def test_worklist_shows_seats_waiting_time_and_the_childcare_flag(personas, soest):
    with scope(municipality=soest):
        course = CourseFactory(municipality=soest, start=D(2026, 6, 1), status="open",
                               title="Abendkurs", childcare=True)
        mother, _child = _mother(soest, "Wartemutter", D(2025, 5, 1))
        ReferralFactory(course=course, person=mother, referred_on=D(2026, 1, 5))
        timelines.refresh_municipality(soest)
    url = reverse("education:gap_list", kwargs={"municipality": soest.slug})
    client = personas["coordinator"].client()
    page = client.get(url + "?which=childcare").content.decode()
    assert "Wartemutter" in page and "Kind unter 3 ohne Platz" in page
    assert "Abendkurs" in page and "Freie Plätze, die zu Wartenden passen" in page
    assert "Wartezeit von der Berechtigung bis zum Kursbeginn" in page
