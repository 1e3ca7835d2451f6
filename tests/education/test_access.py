"""Provider access object by object (issue 11 item 3): the referral is the grant."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from kim.core.permissions.check import has_perm, visible
from kim.people.models import Person


def client_of(membership):
    client = Client()
    client.force_login(membership.user)
    return client


def card_url(municipality, person):
    return reverse("education:card", kwargs={"municipality": municipality.slug,
                                             "pk": person.pk})


@pytest.mark.django_db
class TestProviderMatrix:
    def test_referred_person_opens(self, soest, town):
        response = client_of(town.provider).get(card_url(soest, town.amal))
        assert response.status_code == 200
        page = response.content.decode()
        assert "Amal" in page
        assert town.course.title in page

    def test_not_referred_person_is_404(self, soest, town):
        assert client_of(town.provider).get(card_url(soest, town.chadi)).status_code == 404

    def test_other_providers_person_is_404(self, soest, town):
        assert client_of(town.provider).get(card_url(soest, town.bilal)).status_code == 404

    def test_other_municipality_is_404(self, soest, herne, town):
        client = client_of(town.provider)
        assert client.get(card_url(herne, town.dana)).status_code == 404
        # Herne's person id under Soest's address: not in Soest's scope either
        assert client.get(card_url(soest, town.dana)).status_code == 404

    def test_ending_the_referral_ends_the_access(self, soest, town):
        client = client_of(town.provider)
        with scope(municipality=soest):
            town.referral.ended_on = datetime.date(2026, 3, 1)
            town.referral.save()
        assert client.get(card_url(soest, town.amal)).status_code == 404

    def test_list_scope_is_exactly_the_referred(self, soest, town):
        with scope(municipality=soest):
            seen = set(visible(town.provider.user, "education.records:read", soest,
                               Person.objects.all()).values_list("family_name", flat=True))
        assert seen == {"Amal"}

    def test_other_providers_referral_cannot_be_edited(self, soest, town):
        url = reverse("education:referral_edit", kwargs={"municipality": soest.slug,
                                                         "pk": town.other_referral.pk})
        assert client_of(town.provider).get(url).status_code == 404
        assert client_of(town.esta_staff).get(url).status_code == 200

    def test_card_shows_no_status_or_household(self, soest, town):
        page = client_of(town.provider).get(card_url(soest, town.amal)).content.decode()
        assert "Aufenthaltsstatus" not in page
        assert "Haushalt" not in page

    def test_caseworker_reaches_everyone(self, personas, soest, town):
        client = personas["caseworker"].client()
        for person in (town.amal, town.bilal, town.chadi):
            assert client.get(card_url(soest, person)).status_code == 200


@pytest.mark.django_db
class TestCourses:
    def edit_url(self, soest, course):
        return reverse("education:course_edit", kwargs={"municipality": soest.slug,
                                                        "pk": course.pk})

    def test_provider_edits_own_course_only(self, soest, town):
        client = client_of(town.provider)
        assert client.get(self.edit_url(soest, town.course)).status_code == 200
        assert client.get(self.edit_url(soest, town.other_course)).status_code == 404

    def test_coordinator_edits_every_course(self, personas, soest, town):
        client = personas["coordinator"].client()
        assert client.get(self.edit_url(soest, town.course)).status_code == 200
        assert client.get(self.edit_url(soest, town.other_course)).status_code == 200

    def test_provider_without_organisation_edits_nothing(self, personas, soest, town):
        user = personas["provider"].user
        with scope(municipality=soest):
            assert not has_perm(user, "education.courses:write", soest, town.course)

    def test_caseworker_reads_but_does_not_edit(self, personas, soest, town):
        client = personas["caseworker"].client()
        assert client.get(reverse("education:course_list", kwargs={
            "municipality": soest.slug})).status_code == 200
        assert client.get(self.edit_url(soest, town.course)).status_code == 403


@pytest.mark.django_db
def test_provider_neither_sees_nor_records_situations(soest, town):
    from kim.education.models import EmploymentRecord

    with scope(municipality=soest):
        EmploymentRecord.objects.create(municipality=soest, person=town.amal,
                                        valid_from=datetime.date(2025, 1, 1), activity="none",
                                        hindrance="health")
    client = client_of(town.provider)
    page = client.get(card_url(soest, town.amal)).content.decode()
    assert "ohne Maßnahme" not in page and "Gesundheit" not in page
    url = reverse("education:employment_add", kwargs={"municipality": soest.slug,
                                                      "pk": town.amal.pk})
    assert client.get(url).status_code == 403
