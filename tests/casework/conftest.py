"""Case-work fixtures: a household in Soest with a case full of records."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope

from kim.casework.domain.documents import store
from tests.casework.factories import (
    PDF,
    AppointmentFactory,
    AssignmentFactory,
    GoalFactory,
    MemberFactory,
    NoteFactory,
    PersonFactory,
    StatusFactory,
    StepFactory,
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded files go to a temporary MEDIA_ROOT, never to the real data directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_case(caseworker, municipality):
    """Mariam Haddad (refugee) in a household assigned to ``caseworker``, with one record
    of every kind."""
    with scope(municipality=municipality):
        person = PersonFactory(municipality=municipality, family_name="Haddad",
                               given_names="Mariam")
        StatusFactory(person=person, code="gestattung", valid_from=datetime.date(2022, 10, 5))
        StatusFactory(person=person, code="refugee", valid_from=datetime.date(2024, 4, 10))
        member = MemberFactory(person=person)
        household = member.household
        assignment = AssignmentFactory(household=household, caseworker=caseworker)
        appointment = AppointmentFactory(municipality=municipality, person=person)
        note = NoteFactory(person=person, created_by=caseworker)
        step = StepFactory(goal=GoalFactory(person=person))
        document = store(person, "asylbescheid",
                         SimpleUploadedFile("Bescheid Haddad.pdf", PDF), caseworker)
    return {"person": person, "household": household, "assignment": assignment,
            "appointment": appointment, "note": note, "goal": step.goal, "step": step,
            "document": document}


@pytest.fixture
def case(personas, soest):
    return make_case(personas["caseworker"].user, soest)
