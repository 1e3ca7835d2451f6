"""Demo case work: the demo caseworker's caseload with appointments and plan goals.

So that "my caseload", the case timeline and the worklist filter show something on day one.
Dates are relative to the day the demo is loaded (appointments must lie in the future).
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone
from django_scopes import scope

from kim.casework.models import Appointment, CaseAssignment, IntegrationGoal
from kim.core.audit.writer import record_bulk
from kim.core.domain.masterdata import ensure_default_fields
from kim.core.models import Municipality, User
from kim.people.models import Household

CASELOAD = 30  # households of the demo caseworker "fallarbeit"
PLACES = ["Rathaus, Zimmer 112", "Beratungsstelle Waldstraße", "Hausbesuch"]
GOALS = [("language", "Integrationskurs bis B1 abschließen"),
         ("work_qualification", "Anerkennung des Berufsabschlusses beantragen"),
         ("housing", "Eigene Wohnung finden"),
         ("kita_school", "Kita-Platz für das jüngste Kind")]


def office_hour(day: datetime.date, rng: random.Random, back: bool = False) -> datetime.datetime:
    """A time in office hours (Mon–Fri, 8:00–15:30 local) on ``day`` or the next working
    day (the previous one with ``back``): demo appointments as a town would make them."""
    while day.weekday() >= 5:
        day += datetime.timedelta(days=-1 if back else 1)
    moment = datetime.datetime.combine(day, datetime.time(rng.randint(8, 15),
                                                          rng.choice((0, 30))))
    return timezone.make_aware(moment)


def load(municipality: Municipality, username: str) -> int:
    """Assign ``CASELOAD`` current households to ``username``; returns how many."""
    with scope(municipality=municipality):
        if CaseAssignment.objects.exists():
            return 0
        caseworker = User.objects.get(username=username)
        fields = ensure_default_fields(municipality)
        rng = random.Random(2018)  # noqa: S311  (demo data, not security)
        today = timezone.localdate()
        households = list(Household.objects.filter(
            members__valid_to=None, members__person__moved_away_date=None)
            .distinct().order_by("pk")[:CASELOAD])
        assignments, appointments, goals = [], [], []
        for number, household in enumerate(households):
            person = household.members.filter(valid_to=None).order_by("pk").first().person
            assignments.append(CaseAssignment(
                municipality=municipality, household=household, caseworker=caseworker,
                since=today - datetime.timedelta(days=rng.randint(30, 700))))
            appointments.append(Appointment(
                municipality=municipality, household=household, kind="counselling",
                starts_at=office_hour(today - datetime.timedelta(days=rng.randint(7, 60)),
                                      rng, back=True), status="held",
                place=PLACES[0], outcome="Erstberatung durchgeführt",
                agreements="Unterlagen zum nächsten Termin mitbringen", created_by=caseworker))
            appointments.append(Appointment(
                municipality=municipality, household=household,
                kind=rng.choice(["counselling", "authority", "home_visit"]),
                starts_at=office_hour(today + datetime.timedelta(days=1 + number % 21), rng),
                place=rng.choice(PLACES), created_by=caseworker))
            code, text = GOALS[number % len(GOALS)]
            goals.append(IntegrationGoal(municipality=municipality, person=person,
                                         field=fields[code], text=text,
                                         due_on=today + datetime.timedelta(days=180)))
        CaseAssignment.objects.bulk_create(assignments)
        Appointment.objects.bulk_create(appointments)
        IntegrationGoal.objects.bulk_create(goals)
        for model, rows in ((CaseAssignment, assignments), (Appointment, appointments),
                            (IntegrationGoal, goals)):
            record_bulk(model, len(rows), "demo data", municipality_id=municipality.pk)
        return len(assignments)
