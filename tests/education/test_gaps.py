"""The course worklist is computed from the rules engine (issue 11 item 4)."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scope

from kim.core.modules import GapContext
from kim.education.domain import gaps as domain
from kim.people.domain import timelines
from tests.education.factories import CourseFactory, ObligationFactory, ReferralFactory
from tests.people.factories import person_with

D = datetime.date
DAY = D(2026, 3, 1)


@pytest.fixture
def people(soest):
    with scope(municipality=soest):
        course = CourseFactory(municipality=soest, start=D(2026, 1, 12))
        waiting = person_with(soest, ("gestattung", D(2023, 2, 1)), ("refugee", D(2025, 9, 1)),
                              family_name="Sommerfeld")
        enrolled = person_with(soest, ("refugee", D(2025, 9, 1)), family_name="Teilnehmend")
        ReferralFactory(course=course, person=enrolled, referred_on=D(2025, 12, 1),
                        start=D(2026, 1, 12))
        referred = person_with(soest, ("refugee", D(2025, 10, 1)), family_name="Zugewiesen")
        ReferralFactory(course=course, person=referred, referred_on=D(2026, 2, 1))
        tolerated = person_with(soest, ("duldung", D(2024, 1, 1)), family_name="Geduldet")
        obliged = person_with(soest, ("duldung", D(2024, 1, 1)), family_name="Verpflichtet")
        ObligationFactory(person=obliged, issued_on=D(2026, 1, 5), basis="asylblg_5b",
                          office="social")
        return {"waiting": waiting, "enrolled": enrolled, "referred": referred,
                "tolerated": tolerated, "obliged": obliged}


def by_person(found):
    return {g.person_id: g for g in found}


@pytest.mark.django_db
def test_stored_time_lines_give_the_worklist(soest, people):
    with scope(municipality=soest):
        timelines.refresh_municipality(soest, DAY)
        assert timelines.covers(soest, DAY)
        found = by_person(domain.gaps(soest, DAY))
    assert set(found) == {people["waiting"].pk, people["referred"].pk, people["obliged"].pk}
    waiting = found[people["waiting"].pk]
    assert (waiting.access, waiting.since, waiting.until) == ("entitled", D(2025, 9, 1),
                                                              D(2026, 8, 31))
    assert not waiting.obliged and not waiting.referred
    assert found[people["referred"].pk].referred
    obliged = found[people["obliged"].pk]
    assert (obliged.access, obliged.obliged) == ("", True)


@pytest.mark.django_db
def test_engine_gives_the_same_access_when_time_lines_are_stale(soest, people):
    with scope(municipality=soest):
        assert not timelines.covers(soest, DAY)
        live = by_person(domain.gaps(soest, DAY))
        timelines.refresh_municipality(soest, DAY)
        stored = by_person(domain.gaps(soest, DAY))
    assert set(live) == set(stored)
    assert {p: (g.access, g.until) for p, g in live.items()} == {
        p: (g.access, g.until) for p, g in stored.items()}


@pytest.mark.django_db
def test_deadline_source_names_the_end_of_the_entitlement(soest, people):
    with scope(municipality=soest):
        timelines.refresh_municipality(soest, DAY)
        due = list(domain.deadlines(soest, None, DAY))
    assert sorted((d.person_id, d.date, d.kind) for d in due) == sorted([
        (people["waiting"].pk, D(2026, 8, 31), "course_entitlement_ends"),
        (people["referred"].pk, D(2026, 9, 30), "course_entitlement_ends")])


@pytest.mark.django_db
def test_gap_flags_on_the_case_page(soest, people):
    from kim.people.domain.facts import decisions_for
    from kim.people.domain.params import params_for

    with scope(municipality=soest):
        flags = {}
        for key in ("waiting", "enrolled", "obliged"):
            person = people[key]
            decisions = decisions_for(person, list(person.statuses.all()), DAY,
                                      params=params_for(soest))
            flags[key] = [f.code for f in domain.flags(person, GapContext(DAY, decisions))]
    assert flags == {"waiting": ["education.not_enrolled"], "enrolled": [],
                     "obliged": ["education.obliged_not_attending"]}


@pytest.mark.django_db
def test_worklist_page(personas, soest, people):
    with scope(municipality=soest):
        timelines.refresh_municipality(soest)
    url = reverse("education:gap_list", kwargs={"municipality": soest.slug})
    page = personas["caseworker"].client().get(url + "?which=obliged").content.decode()
    assert "Verpflichtet" in page
    assert "Sommerfeld" not in page
    assert personas["provider"].client().get(url).status_code == 403


@pytest.mark.django_db
def test_kita_worklist_lists_children_with_a_claim_and_no_place(personas, soest):
    from kim.core.models import Organisation
    from kim.education.models import ChildcareRecord

    with scope(municipality=soest):
        kita = Organisation.objects.create(municipality=soest, name="Kita Test", kinds=["kita"])
        placed = person_with(soest, ("refugee", D(2024, 1, 1)), birth_date=D(2022, 2, 1),
                             family_name="Platzkind")
        home = person_with(soest, ("refugee", D(2024, 1, 1)), birth_date=D(2022, 3, 1),
                           family_name="Heimkind")
        person_with(soest, ("refugee", D(2024, 1, 1)), birth_date=D(2015, 3, 1),
                    family_name="Schulkind")
        ChildcareRecord.objects.create(municipality=soest, person=placed,
                                       valid_from=D(2024, 2, 1), kind="kita", institution=kita)
        ChildcareRecord.objects.create(municipality=soest, person=home,
                                       valid_from=D(2024, 2, 1), kind="waiting",
                                       waiting_since=D(2024, 2, 1))
        timelines.refresh_municipality(soest)
    url = reverse("education:gap_childcare", kwargs={"municipality": soest.slug})
    page = personas["school_office"].client().get(url).content.decode()
    assert "Heimkind" in page
    assert "Platzkind" not in page and "Schulkind" not in page
    assert personas["provider"].client().get(url).status_code == 403
