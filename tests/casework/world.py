"""Case work's part of the conformance world: a full case per call (``make_case``)."""

from django.core.files.uploadedfile import SimpleUploadedFile

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


def build(municipality, users, n):
    caseworker = users["caseworker"]
    for _ in range(n):
        person = PersonFactory(municipality=municipality, family_name="Haddad")
        StatusFactory(person=person, code="refugee")
        member = MemberFactory(person=person)
        AssignmentFactory(household=member.household, caseworker=caseworker)
        AppointmentFactory(municipality=municipality, person=person)
        NoteFactory(person=person, created_by=caseworker)
        StepFactory(goal=GoalFactory(person=person))
        store(person, "asylbescheid", SimpleUploadedFile("Bescheid.pdf", PDF), caseworker)
