"""Pages and forms of the catalogue and the card: validation names the field and writes
nothing; the public catalogue shows no person data."""

import pytest
from django.urls import reverse
from django_scopes import scope

from kim.education.models import Attendance, Course, Referral
from tests.education.test_access import client_of


def url(soest, name, **kwargs):
    return reverse(f"education:{name}", kwargs={"municipality": soest.slug, **kwargs})


COURSE = {"title": "Alpha-Kurs Süd", "kind": "alpha", "level": "A1", "start": "2026-04-13",
          "end": "2026-12-18", "schedule": "Mo–Fr 8:30–12:45", "place": "Kolpinghaus",
          "seats": "16", "childcare": "on", "cost": "0", "admission": "admissible",
          "status": "open"}


@pytest.mark.django_db
class TestCourseForm:
    def test_provider_creates_a_course_of_its_own(self, soest, town):
        response = client_of(town.provider).post(url(soest, "course_create"),
                                                 {**COURSE, "provider": town.kolping.pk})
        assert response.status_code == 302
        with scope(municipality=soest):
            course = Course.objects.get(title="Alpha-Kurs Süd")
        assert (course.provider, course.seats, course.childcare) == (town.kolping, 16, True)

    def test_provider_cannot_create_for_another_provider(self, soest, town):
        response = client_of(town.provider).post(url(soest, "course_create"),
                                                 {**COURSE, "provider": town.esta.pk})
        assert response.status_code == 200
        assert response.context["form"].errors["provider"]
        with scope(municipality=soest):
            assert not Course.objects.filter(title="Alpha-Kurs Süd").exists()

    def test_end_before_start_names_the_field(self, personas, soest, town):
        response = personas["coordinator"].client().post(
            url(soest, "course_create"), {**COURSE, "provider": town.esta.pk,
                                          "end": "2026-01-01"})
        assert response.context["form"].errors["end"] == ["Das Ende liegt vor dem Beginn."]

    def test_zero_seats_refused(self, personas, soest, town):
        response = personas["coordinator"].client().post(
            url(soest, "course_create"), {**COURSE, "provider": town.esta.pk, "seats": "0"})
        assert "seats" in response.context["form"].errors


@pytest.mark.django_db
class TestEnrolment:
    def test_enrol_and_record_attendance(self, soest, town):
        client = client_of(town.provider)
        response = client.post(url(soest, "referral_edit", pk=town.referral.pk),
                               {"start": "2026-01-12", "seat": "3"})
        assert response.status_code == 302
        response = client.post(url(soest, "attendance_add", pk=town.referral.pk),
                               {"month": "2026-02", "hours": "72", "absent_hours": "8"})
        assert response.status_code == 302
        with scope(municipality=soest):
            row = Attendance.objects.get(referral=town.referral)
        assert (row.month.isoformat(), row.hours, row.absent_hours) == ("2026-02-01", 72, 8)

    def test_interruption_needs_a_reason_and_writes_nothing(self, soest, town):
        response = client_of(town.provider).post(
            url(soest, "referral_edit", pk=town.referral.pk),
            {"start": "2026-01-12", "interrupted_on": "2026-02-02"})
        assert response.context["form"].errors["interruption_reason"] == [
            "Bitte geben Sie den Grund der Unterbrechung an."]
        with scope(municipality=soest):
            assert Referral.objects.get(pk=town.referral.pk).start is None

    def test_seat_beyond_the_course(self, soest, town):
        response = client_of(town.provider).post(
            url(soest, "referral_edit", pk=town.referral.pk),
            {"start": "2026-01-12", "seat": "21"})
        assert response.context["form"].errors["seat"] == ["Der Kurs hat 20 Plätze."]

    def test_attendance_before_enrolment_refused(self, soest, town):
        response = client_of(town.provider).post(
            url(soest, "attendance_add", pk=town.referral.pk),
            {"month": "2026-02", "hours": "10", "absent_hours": "0"})
        assert response.context["form"].errors["month"] == [
            "Bitte erfassen Sie zuerst den Beginn der Teilnahme."]

    def test_double_referral_refused(self, personas, soest, town):
        response = personas["caseworker"].client().post(
            url(soest, "referral_add", pk=town.amal.pk),
            {"course": town.course.pk, "referred_on": "2026-01-06"})
        assert response.context["form"].errors["course"] == [
            "Die Person ist diesem Kurs bereits zugewiesen."]


@pytest.mark.django_db
def test_public_catalogue_filters_and_shows_no_person(client, soest, town):
    with scope(municipality=soest):
        Course.objects.filter(pk=town.other_course.pk).update(kind="alpha", childcare=True)
    base = reverse("education_public:catalogue", kwargs={"municipality": soest.slug})
    page = client.get(base).content.decode()
    assert town.course.title in page and town.other_course.title in page
    assert "Amal" not in page
    page = client.get(base + "?kind=alpha&childcare=on").content.decode()
    assert town.other_course.title in page and town.course.title not in page
    assert client.get(base + "?level=Z9&area=abc").status_code == 200


@pytest.mark.django_db
def test_card_pdf_for_the_referred_provider_only(soest, town):
    pdf = client_of(town.provider).get(url(soest, "card_pdf", pk=town.amal.pk))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert client_of(town.provider).get(url(soest, "card_pdf", pk=town.bilal.pk)
                                        ).status_code == 404


@pytest.mark.django_db
def test_card_shows_the_sections_once(personas, soest, town):
    page = personas["caseworker"].client().get(url(soest, "card", pk=town.amal.pk))
    html = page.content.decode()
    assert html.count("Sprachstandsfeststellungen") == 1
    assert "<title>Bildungskarte Amal" in html
