"""``kim monitoring refresh``: the counts kim computes from its own records – persons by
status and age group, accommodation, course enrolments, childcare, employment – per
district and for the town, linked to the catalogue's indicators."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django_scopes import scope

from kim.core.models import Area
from kim.education.models import ChildcareRecord, EmploymentRecord
from kim.monitoring.catalogue import COMPUTED
from kim.monitoring.domain.computed import KNOWN, computed_counts
from kim.monitoring.models import Indicator, Observation
from kim.people.models import Person
from tests.education.factories import CourseFactory, ReferralFactory
from tests.housing.factories import FacilityFactory, PlaceFactory, StayFactory, UnitFactory
from tests.people.factories import PersonFactory, StatusFactory

DAY = datetime.date(2024, 6, 30)
OLD = datetime.date(2018, 12, 31)


def _refresh(day):
    out = io.StringIO()
    call_command("monitoring", "refresh", "--municipality", "soest", "--as-of",
                 day.isoformat(), stdout=out)
    return out.getvalue()


def _person(town, area, code, born, since=datetime.date(2023, 1, 1), **fields):
    person = PersonFactory(municipality=town, area=area, birth_date=born, **fields)
    StatusFactory(person=person, code=code, valid_from=since)
    return person


def _found(town, code, day=DAY):
    with scope(municipality=town):
        return {(o.area.name if o.area else None): int(o.value)
                for o in Observation.objects.filter(indicator__code=code, period=day)}


@pytest.fixture
def world(soest):
    """Two districts; persons, accommodation and education records on DAY."""
    with scope(municipality=soest):
        nord, sued = (Area.objects.create(municipality=soest, name=n) for n in ("Nord", "Süd"))
        adult = _person(soest, sued, "gestattung", datetime.date(1990, 3, 1))
        child = _person(soest, sued, "duldung", datetime.date(2020, 1, 1))
        pupil = _person(soest, nord, "refugee", datetime.date(2010, 5, 5))
        _person(soest, None, "settled", datetime.date(1950, 1, 1))
        _person(soest, sued, "subsidiary", datetime.date(1980, 1, 1),
                moved_away_date=datetime.date(2024, 3, 1))  # gone by DAY
        _person(soest, nord, "gestattung", datetime.date(1990, 1, 1),
                since=DAY + datetime.timedelta(days=1))  # not yet here
        # three years old exactly on DAY; a later "settled" would move the adult's group
        toddler = _person(soest, nord, "temporary_protection", datetime.date(2021, 6, 30))
        for person, since, kind in ((child, datetime.date(2023, 9, 1), "kita"),
                                    (toddler, datetime.date(2023, 1, 1), "kita"),
                                    (toddler, datetime.date(2024, 1, 1), "waiting"),
                                    (toddler, datetime.date(2024, 7, 1), "kita")):
            ChildcareRecord.objects.create(municipality=soest, person=person,
                                           valid_from=since, kind=kind)
        for person, since, activity in ((adult, datetime.date(2023, 1, 1), "none"),
                                        (adult, datetime.date(2024, 1, 1), "employed"),
                                        (pupil, datetime.date(2024, 1, 1), "employed")):
            EmploymentRecord.objects.create(municipality=soest, person=person,
                                            valid_from=since, activity=activity)
        course = CourseFactory(municipality=soest, start=datetime.date(2024, 4, 1))
        ReferralFactory(course=course, person=adult, referred_on=datetime.date(2024, 4, 1),
                        start=datetime.date(2024, 5, 1))
        ReferralFactory(course=course, person=pupil,  # referred, not enrolled
                        referred_on=datetime.date(2024, 4, 1))
        home = UnitFactory(facility=FacilityFactory(municipality=soest, area=sued),
                           municipality=soest)
        places = [PlaceFactory(unit=home, municipality=soest) for _ in range(3)]
        StayFactory(place=places[0], person=adult, start=datetime.date(2024, 1, 1))
        StayFactory(place=places[1], person=child, start=datetime.date(2023, 1, 1),
                    end=datetime.date(2024, 1, 1))
        state = UnitFactory(facility=FacilityFactory(municipality=soest, area=nord,
                                                     kind="state"), municipality=soest)
        StayFactory(place=PlaceFactory(unit=state, municipality=soest), person=pupil,
                    start=datetime.date(2024, 1, 1))  # a state facility: not municipal
    return soest


EXPECTED = {
    "pop.refugees": {"Nord": 2, "Süd": 2, None: 4},
    "pop.status_asylum": {"Nord": 0, "Süd": 1, None: 1},
    "pop.status_tolerated": {"Nord": 0, "Süd": 1, None: 1},
    "pop.status_protection": {"Nord": 2, "Süd": 0, None: 2},
    "pop.status_other": {"Nord": 0, "Süd": 0, None: 1},
    "pop.age_0_5": {"Nord": 1, "Süd": 1, None: 2},
    "pop.age_6_17": {"Nord": 1, "Süd": 0, None: 1},
    "pop.age_18_64": {"Nord": 0, "Süd": 1, None: 1},
    "pop.age_65_plus": {"Nord": 0, "Süd": 0, None: 1},
    "housing.occupied": {"Nord": 0, "Süd": 1, None: 1},
    "housing.places": {"Nord": 0, "Süd": 3, None: 3},
    "course.enrolled": {"Nord": 0, "Süd": 1, None: 1},
    "kita.care_kita": {"Nord": 0, "Süd": 1, None: 1},
    "kita.care_day_care": {"Nord": 0, "Süd": 0, None: 0},
    "kita.care_home": {"Nord": 0, "Süd": 0, None: 0},
    "kita.care_waiting": {"Nord": 1, "Süd": 0, None: 1},
    "emp.activity_vocational_college": {"Nord": 0, "Süd": 0, None: 0},
    "emp.activity_language_course": {"Nord": 0, "Süd": 0, None: 0},
    "emp.activity_employed": {"Nord": 0, "Süd": 1, None: 1},
    "emp.activity_none": {"Nord": 0, "Süd": 0, None: 0},
}


def test_refresh_computes_every_linked_count_by_district(world):
    assert _refresh(DAY) == "60 observations computed for 2024-06-30\n"
    assert {code: _found(world, code) for code in EXPECTED} == EXPECTED
    with scope(municipality=world):
        linked = dict(Indicator.objects.exclude(computed="").values_list("code", "computed"))
        assert linked == COMPUTED
        assert set(Observation.objects.values_list("indicator__code", flat=True)) == set(
            EXPECTED)
        assert not Observation.objects.filter(computed=False).exists()


def test_counts_only_keys_the_catalogue_links(world):
    with scope(municipality=world):
        assert set(computed_counts(world, DAY)) <= KNOWN == set(COMPUTED.values())


def test_refresh_replaces_stale_values_and_keeps_the_imported_one(world):
    with scope(municipality=world):
        refugees = Indicator.objects.get(code="pop.refugees")
        Observation.objects.create(municipality=world, indicator=refugees, period=DAY,
                                   value=Decimal(9))  # imported before the refresh
    _refresh(DAY)
    with scope(municipality=world):
        town = Observation.objects.get(indicator=refugees, period=DAY, area=None)
        assert (town.value, town.previous, town.computed) == (4, 9, True)
        # the toddler moves away: Nord drops to 1, the stored 2 is replaced, not kept
        Person.objects.filter(birth_date=datetime.date(2021, 6, 30)).update(
            moved_away_date=datetime.date(2024, 6, 1))
    _refresh(DAY)
    assert _found(world, "pop.refugees") == {"Nord": 1, "Süd": 2, None: 3}
    assert _found(world, "kita.care_waiting") == {"Nord": 0, "Süd": 0, None: 0}
    with scope(municipality=world):
        assert Observation.objects.filter(period=DAY).count() == 60  # replaced, not added


def test_refresh_of_an_earlier_day_counts_who_was_there(world):
    _refresh(OLD)
    assert _found(world, "pop.refugees", OLD) == {"Nord": 0, "Süd": 0, None: 0}
    assert _found(world, "housing.places", OLD) == {"Nord": 0, "Süd": 3, None: 3}


@pytest.mark.parametrize(("args", "message"), [
    (["--municipality", "nirgendwo"], "unknown municipality 'nirgendwo'"),
    (["--municipality", "soest", "--as-of", "31.12.2018"],
     "--as-of '31.12.2018' is not a date (YYYY-MM-DD)")])
def test_refresh_errors(soest, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("monitoring", "refresh", *args)
