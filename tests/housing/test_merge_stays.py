"""Merging two person records whose stays overlap is refused with a message, not a 500."""

import datetime

from django_scopes import scope

from kim.housing.models import Stay
from kim.people.models import Person
from tests.housing.factories import (
    FacilityFactory,
    PersonFactory,
    PlaceFactory,
    StayFactory,
    UnitFactory,
)


def test_overlapping_stays_block_the_merge_and_nothing_changes(personas, soest):
    with scope(municipality=soest):
        unit = UnitFactory(facility=FacilityFactory(municipality=soest))
        keep = PersonFactory(municipality=soest, family_name="Haddad", given_names="Omar")
        remove = PersonFactory(municipality=soest, family_name="Hadad", given_names="Omar")
        StayFactory(place=PlaceFactory(unit=unit), person=keep)
        StayFactory(place=PlaceFactory(unit=unit), person=remove,
                    start=datetime.date(2024, 2, 1))
    client = personas["caseworker"].client()
    response = client.post(f"/soest/persons/{keep.pk}/merge/{remove.pk}/", follow=True)
    assert response.status_code == 200
    assert "überlappenden Aufenthalte" in response.content.decode()
    with scope(municipality=soest):
        assert Person.objects.filter(pk=remove.pk).exists()
        assert Stay.objects.filter(person=remove).count() == 1


def test_consecutive_stays_merge(personas, soest):
    with scope(municipality=soest):
        unit = UnitFactory(facility=FacilityFactory(municipality=soest))
        keep = PersonFactory(municipality=soest, family_name="Haddad")
        remove = PersonFactory(municipality=soest, family_name="Hadad")
        StayFactory(place=PlaceFactory(unit=unit), person=remove,
                    start=datetime.date(2023, 1, 1), end=datetime.date(2024, 1, 15))
        StayFactory(place=PlaceFactory(unit=unit), person=keep)
    response = personas["caseworker"].client().post(
        f"/soest/persons/{keep.pk}/merge/{remove.pk}/")
    assert response.status_code == 302
    with scope(municipality=soest):
        assert Stay.objects.filter(person=keep).count() == 2
