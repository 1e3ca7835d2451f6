"""Volunteer fixtures: a small Soest pool – two districts, three volunteers, requests."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import translation
from django_scopes import scope

from kim.core.models import Area
from kim.people.models import Household
from tests.volunteers.factories import (
    OfferFactory,
    RequestFactory,
    VolunteerFactory,
    WorkingGroupFactory,
)


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


@dataclass
class Pool:
    municipality: object
    mitte: Area
    sued: Area
    bildung: object
    amal: object  # Arabic C1, homework, Mitte, Mon pm, capacity 1
    bernd: object  # German only, homework, any district, Mon+Wed pm, capacity 2
    clara: object  # Persian native, authorities, Süd, Tue am, capacity 1, certificate
    household: Household


@pytest.fixture
def pool(soest, personas):
    with scope(municipality=soest):
        mitte = Area.objects.create(municipality=soest, name="Mitte")
        sued = Area.objects.create(municipality=soest, name="Süd")
        bildung = WorkingGroupFactory(municipality=soest, name="Bildung")
        amal = VolunteerFactory(municipality=soest, first_name="Amal", family_name="Beispiel",
                                languages={"ar": "C1", "de": "B2"}, any_district=False,
                                slots=["mon-pm"], capacity=1)
        amal.districts.add(mitte)
        amal.working_groups.add(bildung)
        bernd = VolunteerFactory(municipality=soest, first_name="Bernd", family_name="Probe",
                                 languages={"de": "native"}, slots=["mon-pm", "wed-pm"],
                                 capacity=2, roles=["pate"])
        bernd.working_groups.add(bildung)
        clara = VolunteerFactory(municipality=soest, first_name="Clara", family_name="Test",
                                 languages={"fa": "native"}, skills=["authorities"],
                                 any_district=False, slots=["tue-am"], capacity=1,
                                 certificate_seen_on=datetime.date(2024, 3, 1))
        clara.districts.add(sued)
        household = Household.objects.create(municipality=soest, name="Haushalt Haddad")
        OfferFactory(municipality=soest, name="Fußball für alle", district=sued,
                     languages=["de", "ar"])
        OfferFactory(municipality=soest, name="Internes Treffen", public=False)
    return Pool(soest, mitte, sued, bildung, amal, bernd, clara, household)


def request_for(pool, **kwargs):
    with scope(municipality=pool.municipality):
        return RequestFactory(municipality=pool.municipality, **kwargs)
