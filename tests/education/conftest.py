import pytest
from django.utils import translation
from django_scopes import scope

from kim.core.models import Membership
from tests.conftest import make_member
from tests.education.factories import CourseFactory, ProviderFactory, ReferralFactory
from tests.people.factories import PersonFactory


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


class Town:
    """Two providers in Soest, each with a course; Amal referred to the first provider's
    course, Bilal to the second's, Chadi to none; Dana referred to a Herne course."""

    def __init__(self, soest, herne):
        with scope(municipality=soest):
            self.kolping = ProviderFactory(municipality=soest, name="Kolping Test")
            self.esta = ProviderFactory(municipality=soest, name="ESTA Test")
            self.course = CourseFactory(municipality=soest, provider=self.kolping)
            self.other_course = CourseFactory(municipality=soest, provider=self.esta)
            self.amal = PersonFactory(municipality=soest, family_name="Amal")
            self.bilal = PersonFactory(municipality=soest, family_name="Bilal")
            self.chadi = PersonFactory(municipality=soest, family_name="Chadi")
            self.referral = ReferralFactory(course=self.course, person=self.amal)
            self.other_referral = ReferralFactory(course=self.other_course, person=self.bilal)
        with scope(municipality=herne):
            self.herne_course = CourseFactory(municipality=herne)
            self.dana = PersonFactory(municipality=herne, family_name="Dana")
            self.herne_referral = ReferralFactory(course=self.herne_course, person=self.dana)
        self.provider = make_member(soest, "kolping-staff", "provider")
        self.esta_staff = make_member(soest, "esta-staff", "provider")
        with scope(municipality=soest):
            Membership.objects.filter(pk=self.provider.pk).update(organisation=self.kolping)
            Membership.objects.filter(pk=self.esta_staff.pk).update(organisation=self.esta)


@pytest.fixture
def town(soest, herne):
    return Town(soest, herne)
