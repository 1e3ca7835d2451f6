"""Caseloads: who is responsible for which household, and "my caseload"."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, QuerySet

from kim.casework.models import Appointment, CaseAssignment, IntegrationGoal
from kim.casework.models.integration_plan import ACTIVE_STATUSES
from kim.core.models import Membership, Municipality, User
from kim.core.permissions.check import permissions_of
from kim.people.models import Household, HouseholdMember

ASSIGN_PERMISSION = "casework.caseload:write"


def my_household_ids(user: User) -> QuerySet[Any]:
    return CaseAssignment.objects.filter(caseworker=user, until=None).values("household_id")


def person_ids_of(municipality: Municipality, user_id: int) -> QuerySet[Any]:
    """Current members of the households ``user_id`` is responsible for (a subquery)."""
    households = CaseAssignment.objects.filter(municipality=municipality, caseworker_id=user_id,
                                               until=None).values("household_id")
    return HouseholdMember.objects.filter(household__in=households,
                                          valid_to=None).values("person_id")


def my_caseload(user: User, now: datetime.datetime) -> list[dict[str, Any]]:
    """Households with an open assignment to ``user``, each with its current members, the
    next planned appointment and the number of open plan goals – in five queries."""
    households = list(Household.objects.filter(pk__in=my_household_ids(user))
                      .order_by("name", "pk"))
    members = list(HouseholdMember.objects.filter(household__in=households, valid_to=None)
                   .select_related("person").order_by("valid_from", "pk"))
    person_ids = [m.person_id for m in members]
    upcoming = (Appointment.objects.filter(status=Appointment.Status.PLANNED, starts_at__gte=now)
                .filter(Q(household__in=households) | Q(person_id__in=person_ids))
                .order_by("starts_at", "pk"))
    goals = dict(IntegrationGoal.objects.filter(person_id__in=person_ids,
                                                status__in=ACTIVE_STATUSES)
                 .values_list("person_id").annotate(n=Count("pk")).values_list("person_id", "n"))
    household_of: dict[int | None, int] = {m.person_id: m.household_id for m in members}
    rows: dict[int | None, dict[str, Any]] = {
        h.pk: {"household": h, "members": [], "next_appointment": None, "open_goals": 0}
        for h in households}
    for member in members:
        rows[member.household_id]["members"].append(member)
        rows[member.household_id]["open_goals"] += goals.get(member.person_id, 0)
    for appointment in upcoming:
        key = appointment.household_id or household_of.get(appointment.person_id)
        row = rows.get(key) if key is not None else None
        if row is not None and row["next_appointment"] is None:
            row["next_appointment"] = appointment
    return list(rows.values())


def filter_caseload(rows: list[dict[str, Any]], text: str, appointment: str,
                    now: datetime.datetime) -> list[dict[str, Any]]:
    """Rows of :func:`my_caseload` whose household or a member matches ``text`` (case
    blind), and – ``week`` / ``none`` – with an appointment in the next 7 days / none."""
    needle = text.strip().casefold()
    week = now + datetime.timedelta(days=7)

    def keep(row: dict[str, Any]) -> bool:
        names = [str(row["household"])] + [str(m.person) for m in row["members"]]
        if needle and not any(needle in n.casefold() for n in names):
            return False
        nxt = row["next_appointment"]
        if appointment == "week":
            return nxt is not None and nxt.starts_at < week
        if appointment == "none":
            return nxt is None
        return True

    return [row for row in rows if keep(row)]


def card_counts(user: User, now: datetime.datetime) -> dict[str, int]:
    """Figures of the start-page card: my households, their appointments in the next 7 days."""
    households = my_household_ids(user)
    persons = HouseholdMember.objects.filter(household__in=households,
                                             valid_to=None).values("person_id")
    week = (Appointment.objects.filter(status=Appointment.Status.PLANNED, starts_at__gte=now,
                                       starts_at__lt=now + datetime.timedelta(days=7))
            .filter(Q(household__in=households) | Q(person__in=persons)))
    return {"households": households.count(), "appointments": week.count()}


def assignable_users(municipality: Municipality) -> QuerySet[User]:
    """Active members of the municipality who hold the caseload write permission."""
    memberships = (Membership.objects.filter(municipality=municipality, is_active=True)
                   .prefetch_related("roles"))
    ids = [m.user_id for m in memberships if ASSIGN_PERMISSION in permissions_of(m)]
    return User.objects.filter(pk__in=ids, is_active=True).order_by(
        "last_name", "first_name", "username")


def caseworker_names(municipality: Municipality, person_ids: Sequence[int]) -> dict[int, str]:
    """Who is responsible for each person (through the household) – a person column, one
    query."""
    found: dict[int, list[str]] = defaultdict(list)
    for pid, first, last, username in (CaseAssignment.objects.filter(
            municipality=municipality, until=None, household__members__valid_to=None,
            household__members__person_id__in=list(person_ids))
            .values_list("household__members__person_id", "caseworker__first_name",
                         "caseworker__last_name", "caseworker__username")
            .order_by("caseworker__last_name", "caseworker__username")):
        name = f"{first} {last}".strip() or username
        if name not in found[pid]:
            found[pid].append(name)
    return {pid: ", ".join(names) for pid, names in found.items()}


def open_assignments(household: Household) -> list[CaseAssignment]:
    return list(household.case_assignments.filter(until=None).select_related("caseworker"))


@transaction.atomic
def assign(household: Household, caseworker: User, since: datetime.date) -> CaseAssignment:
    assignment = CaseAssignment(municipality=household.municipality, household=household,
                                caseworker=caseworker, since=since)
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def end_assignment(assignment: CaseAssignment, day: datetime.date) -> None:
    assignment.until = max(day, assignment.since)
    assignment.save()
