"""Kita, school, employment and work measures (issue 11 items 5 and 6)."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django_scopes import scope

from kim.core.models import Organisation
from kim.education.models import ChildcareRecord, Measure, MeasurePlacement
from tests.people.factories import PersonFactory

D = datetime.date


@pytest.fixture
def measure(soest):
    with scope(municipality=soest):
        org = Organisation.objects.create(municipality=soest, name="Stadtgrün", kinds=["employer"])
        return Measure.objects.create(municipality=soest, organisation=org, title="AGH Park",
                                      kind="agh", places=2, start=D(2026, 1, 1))


def placement(soest, measure, start, end):
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest)
        return MeasurePlacement.objects.create(municipality=soest, measure=measure,
                                               person=person, start=start, end=end)


@pytest.mark.django_db
def test_database_refuses_more_placements_than_places(soest, measure):
    placement(soest, measure, D(2026, 1, 1), D(2026, 3, 31))
    placement(soest, measure, D(2026, 2, 1), D(2026, 5, 31))
    with pytest.raises(IntegrityError, match="education_measure_full"), transaction.atomic():
        placement(soest, measure, D(2026, 3, 1), D(2026, 4, 30))
    # after the first placement ended a place is free again
    placement(soest, measure, D(2026, 4, 1), D(2026, 6, 30))


@pytest.mark.django_db
def test_full_measure_is_a_message_on_the_form(personas, soest, measure):
    placement(soest, measure, D(2026, 1, 1), D(2026, 3, 31))
    placement(soest, measure, D(2026, 1, 1), D(2026, 3, 31))
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest)
    url = reverse("education:placement_add", kwargs={"municipality": soest.slug,
                                                     "pk": person.pk})
    client = personas["caseworker"].client()
    response = client.post(url, {"measure": measure.pk, "start": "2026-02-01",
                                 "end": "2026-03-01"})
    assert response.context["form"].errors["measure"] == [
        "Alle Plätze dieser Maßnahme sind in diesem Zeitraum belegt."]
    response = client.post(url, {"measure": measure.pk, "start": "2026-04-01",
                                 "end": "2026-12-01"})
    assert response.context["form"].errors["end"] == [
        "Eine Arbeitsgelegenheit dauert höchstens sechs Monate."]
    with scope(municipality=soest):
        assert not MeasurePlacement.objects.filter(person=person).exists()


@pytest.mark.django_db
def test_school_office_records_childcare_for_children_only(personas, soest):
    with scope(municipality=soest):
        kita = Organisation.objects.create(municipality=soest, name="Kita Sonnenschein",
                                           kinds=["kita"])
        child = PersonFactory(municipality=soest, birth_date=D(2023, 5, 1))
        adult = PersonFactory(municipality=soest)
    client = personas["school_office"].client()

    def url(person):
        return reverse("education:childcare_add", kwargs={"municipality": soest.slug,
                                                          "pk": person.pk})

    assert client.get(url(adult)).status_code == 404
    response = client.post(url(child), {"valid_from": "2026-02-01", "kind": "kita"})
    assert response.context["form"].errors["institution"] == [
        "Bitte wählen Sie die Kita oder Tagespflege."]
    response = client.post(url(child), {"valid_from": "2026-02-01", "kind": "kita",
                                        "institution": kita.pk})
    assert response.status_code == 302
    with scope(municipality=soest):
        record = ChildcareRecord.objects.get(person=child)
    assert (record.kind, record.institution) == ("kita", kita)
