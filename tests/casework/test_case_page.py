"""The case page: timeline, restricted sections, forms that validate and write atomically."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kim.casework.models import Appointment, CaseNote, IntegrationGoal, IntegrationStep
from kim.core.models import AuditEntry, FieldOfAction
from tests.casework.factories import AppointmentFactory, MemberFactory, NoteFactory


def url(case, suffix=""):
    return f"/soest/casework/persons/{case['person'].pk}/{suffix}"


def test_caseworker_sees_every_section_and_the_read_is_logged(personas, case):
    response = personas["caseworker"].client().get(url(case))
    page = response.content.decode()
    for anchor in ('id="caseworkers"', 'id="gaps"', 'id="timeline"', 'id="plan"', 'id="notes"',
                   'id="documents"'):
        assert anchor in page
    assert "Vertraulicher Vermerk" in page and "Bescheid Haddad.pdf" in page
    assert "B1-Zertifikat" in page and "Anmeldung beim Kursträger" in page
    assert "Rathaus, Zimmer 12" in page
    with scopes_disabled():
        read = AuditEntry.objects.get(action="read", model="people.person")
    assert read.object_id == str(case["person"].pk)
    assert read.changes == {"fields": ["case_notes", "documents"], "reason": "case page"}
    # Refugee with a language goal and a caseworker: only the residence-permit copy is missing.
    assert [g.code for g in response.context["gaps"]] == ["documents"]


def test_benefits_sees_the_timeline_but_no_notes_documents_or_plan(personas, case):
    response = personas["benefits"].client().get(url(case))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Rathaus, Zimmer 12" in page
    assert "Vertraulicher Vermerk" not in page and "Bescheid Haddad" not in page
    assert 'id="notes"' not in page and 'id="documents"' not in page
    assert "B1-Zertifikat" not in page and 'id="gaps"' not in page
    assert [e.kind for e in response.context["timeline"]].count("note") == 0
    with scopes_disabled():
        assert not AuditEntry.objects.filter(action="read").exists()


def test_timeline_merges_events_newest_first(personas, case):
    soest = case["person"].municipality
    with scope(municipality=soest):
        past = AppointmentFactory(municipality=soest, household=case["household"],
                                  starts_at=timezone.make_aware(datetime.datetime(2023, 6, 1, 9)),
                                  status="held", outcome="Antrag gestellt")
    events = personas["caseworker"].client().get(url(case)).context["timeline"]
    kinds = [e.kind for e in events]
    assert kinds == ["appointment", "note", "status", "appointment", "household_join",
                     "status"]
    assert [e.when for e in events] == sorted((e.when for e in events), reverse=True)
    assert events[3].obj == past  # the household's appointment is in her timeline


def test_household_leave_is_an_event(personas, case):
    soest = case["person"].municipality
    with scope(municipality=soest):
        member = case["person"].household_memberships.get()
        member.valid_to = datetime.date(2024, 1, 31)
        member.save()
        MemberFactory(person=case["person"], valid_from=datetime.date(2024, 2, 1))
    events = personas["caseworker"].client().get(url(case)).context["timeline"]
    assert [e.kind for e in events if e.kind.startswith("household")] == [
        "household_join", "household_leave", "household_join"]


def test_appointment_form_validates_per_field_and_writes_nothing(personas, case):
    client = personas["caseworker"].client()
    response = client.post(url(case, "appointments/new/"), {"kind": "", "starts_at": "morgen",
                                                            "status": "planned"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"kind", "starts_at"}
    future = (timezone.localtime() + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(url(case, "appointments/new/"), {
        "kind": "doctor", "starts_at": future, "status": "held"})
    assert list(response.context["form"].errors) == ["status"]
    with scope(municipality=case["person"].municipality):
        assert Appointment.objects.count() == 1


def test_appointment_for_the_whole_household(personas, case):
    response = personas["caseworker"].client().post(url(case, "appointments/new/"), {
        "kind": "home_visit", "starts_at": "2030-05-04T10:30", "status": "planned",
        "place": "Wohnung", "whole_household": "on"})
    assert response.status_code == 302
    assert response["Location"].endswith("#timeline")
    with scope(municipality=case["person"].municipality):
        appointment = Appointment.objects.get(kind="home_visit")
    assert appointment.person is None and appointment.household == case["household"]
    assert appointment.created_by == personas["caseworker"].user


def test_appointment_edit_records_outcome(personas, case):
    appointment = case["appointment"]
    with scope(municipality=appointment.municipality):
        appointment.starts_at = timezone.now() - datetime.timedelta(hours=2)
        appointment.save()
    response = personas["caseworker"].client().post(
        f"/soest/casework/appointments/{appointment.pk}/edit/", {
            "kind": "counselling",
            "starts_at": timezone.localtime(appointment.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "status": "held", "outcome": "Unterlagen erhalten", "agreements": "Termin in 2 Wo."})
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == "held" and appointment.outcome == "Unterlagen erhalten"


def test_note_requires_text_and_is_saved_with_author(personas, case):
    client = personas["caseworker"].client()
    response = client.post(url(case, "notes/new/"), {"text": "  "})
    assert list(response.context["form"].errors) == ["text"]
    response = client.post(url(case, "notes/new/"), {"text": "Gespräch zur Wohnsituation"})
    assert response.status_code == 302
    with scope(municipality=case["person"].municipality):
        note = CaseNote.objects.get(text="Gespräch zur Wohnsituation")
    assert note.created_by == personas["caseworker"].user


def test_goal_and_step_forms(personas, case):
    client = personas["caseworker"].client()
    with scope(municipality=case["person"].municipality):
        housing = FieldOfAction.objects.get(code="housing").pk
    response = client.post(url(case, "goals/new/"), {"field": "", "text": "", "status": "open"})
    assert set(response.context["form"].errors) == {"field", "text"}
    response = client.post(url(case, "goals/new/"), {
        "field": housing, "text": "Eigene Wohnung", "status": "open", "due_on": "2026-12-31"})
    assert response.status_code == 302
    with scope(municipality=case["person"].municipality):
        goal = IntegrationGoal.objects.get(text="Eigene Wohnung")
    response = client.post(f"/soest/casework/goals/{goal.pk}/edit/", {
        "field": housing, "text": "Eigene Wohnung", "status": "in_progress"})
    assert response.status_code == 302
    response = client.post(f"/soest/casework/goals/{goal.pk}/steps/new/", {
        "text": "WBS beantragen", "status": "open", "due_on": "kein Datum"})
    assert list(response.context["form"].errors) == ["due_on"]
    response = client.post(f"/soest/casework/goals/{goal.pk}/steps/new/", {
        "text": "WBS beantragen", "status": "open", "responsible": "Frau Haddad"})
    assert response.status_code == 302
    with scope(municipality=case["person"].municipality):
        goal.refresh_from_db()
        assert goal.status == "in_progress"
        step = IntegrationStep.objects.get(text="WBS beantragen")
    assert step.goal == goal and step.municipality_id == goal.municipality_id


def count_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("persona", ["caseworker", "benefits"])
def test_case_page_query_count_is_constant(personas, case, persona):
    client = personas[persona].client()
    soest, person = case["person"].municipality, case["person"]

    def add(n):
        with scope(municipality=soest):
            for i in range(n):
                AppointmentFactory(municipality=soest, person=person,
                                   created_by=personas["caseworker"].user)
                AppointmentFactory(municipality=soest, household=case["household"])
                NoteFactory(person=person, created_by=personas["caseworker"].user,
                            text=f"Notiz {i}")
                IntegrationStep.objects.create(municipality=soest, goal=case["goal"], text=f"S{i}")
                IntegrationGoal.objects.create(
                    municipality=soest, person=person, text=f"G{i}",
                    field=FieldOfAction.objects.get(code="health"))

    add(2)
    small = count_queries(client, url(case))
    add(20)
    assert count_queries(client, url(case)) == small
