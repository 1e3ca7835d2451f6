"""Writing validated import rows: persons, households, memberships and statuses in bulk."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import connection

from kim.core.models import Municipality
from kim.people.domain import timelines
from kim.people.domain.bulk import insert_rows, update_rows
from kim.people.domain.deadlines import PEOPLE_SOURCE, compute
from kim.people.domain.params import params_for
from kim.people.domain.persons import CHUNK, chunks, refresh_keys, store_name_tokens
from kim.people.models import Deadline, Household, HouseholdMember, LegalStatus, Person

PERSON_FIELDS = ["family_name", "given_names", "birth_date", "birth_date_precision", "sex",
                 "citizenships", "entry_date", "asylum_application_date", "assignment_date",
                 "accommodation_code", "accommodation_since", "activity", "childcare",
                 "name_key"]
OPTIONAL = ["entry_date", "asylum_application_date", "assignment_date", "accommodation_since",
            "activity", "childcare"]


def _apply(person: Person, values: dict[str, Any]) -> None:
    person.family_name = values["family_name"]
    person.given_names = values["given_names"]
    person.birth_date, person.birth_date_precision = values["birth_date"]
    person.sex = values["sex"]
    person.citizenships = values["citizenship"]
    for key in OPTIONAL:
        if key in values:
            setattr(person, key, values[key])
    if "accommodation" in values:
        person.accommodation_code = values["accommodation"]
    refresh_keys(person)


def _persons(municipality: Municipality,
             rows: list[dict[str, Any]]) -> tuple[list[Person], set[int]]:
    # exclude(""), no ordering: else SQLite (no statistics) scans in name order instead of
    # using the partial unique index. The same goes for order_by() below.
    existing = {p.external_id: p for part in chunks([r["external_id"] for r in rows])
                for p in Person.objects.filter(external_id__in=part).exclude(external_id="")
                .order_by()}
    persons, new, changed = [], [], []
    for values in rows:
        person = existing.get(values["external_id"])
        if person is None:
            person = Person(municipality=municipality, external_id=values["external_id"])
            new.append(person)
            _apply(person, values)
        else:
            before = [getattr(person, name) for name in PERSON_FIELDS]
            _apply(person, values)
            # A monthly re-import repeats most rows unchanged: write only the changed ones.
            if [getattr(person, name) for name in PERSON_FIELDS] != before:
                changed.append(person)
        persons.append(person)
    insert_rows(new)
    new_ids = {key: pk for part in chunks([p.external_id for p in new])
               for key, pk in Person.objects.filter(external_id__in=part)
               .exclude(external_id="").order_by().values_list("external_id", "pk")}
    for person in new:  # what bulk_create() would have set
        person.pk = new_ids[person.external_id]
        person._state.adding, person._state.db = False, connection.alias
    update_rows(changed, PERSON_FIELDS)
    store_name_tokens(new, created=True)
    store_name_tokens(changed)
    return persons, {p.pk for p in new}


def _households(municipality: Municipality, rows: list[dict[str, Any]],
                persons: list[Person], today: datetime.date) -> None:
    refs = {r["household_ref"] for r in rows if r.get("household_ref")}
    households = {h.reference: h for h in Household.objects.filter(reference__in=refs).order_by()}
    new = [Household(municipality=municipality, reference=ref, name=ref)
           for ref in sorted(refs - households.keys())]
    Household.objects.bulk_create(new)
    households.update({h.reference: h for h in new})
    current = {m.person_id: m for m in HouseholdMember.objects.filter(
        person__in=persons, valid_to=None).order_by()}
    ended, added = [], []
    for values, person in zip(rows, persons, strict=True):
        ref = values.get("household_ref")
        if not ref:
            continue
        household = households[ref]
        role = values.get("household_role") or HouseholdMember.Role.OTHER
        membership = current.get(person.pk)
        if membership and membership.household_id == household.pk:
            if membership.role != role:
                membership.role = role
                ended.append(membership)
            continue
        start = today
        if membership:
            membership.valid_to = max(today - datetime.timedelta(days=1), membership.valid_from)
            start = membership.valid_to + datetime.timedelta(days=1)
            ended.append(membership)
        if membership is None:  # first household known: from the assignment on
            start = person.assignment_date or start
        added.append(HouseholdMember(municipality=municipality, household=household,
                                     person=person, role=role, valid_from=start))
    HouseholdMember.objects.bulk_update(ended, ["valid_to", "role"])
    HouseholdMember.objects.bulk_create(added)


def _statuses(municipality: Municipality, rows: list[dict[str, Any]], persons: list[Person],
              created: set[int]) -> dict[int, list[LegalStatus]]:
    """Write the rows' statuses; returns every status history of the file's persons."""
    histories: dict[int, list[LegalStatus]] = {}
    known = sorted(p.pk for p in persons if p.pk not in created)
    for part in chunks(known):
        for status in LegalStatus.objects.filter(person__in=part).order_by():
            histories.setdefault(status.person_id, []).append(status)
    new, changed = [], []
    for values, person in zip(rows, persons, strict=True):
        if not values.get("legal_status"):
            continue
        history = histories.setdefault(person.pk, [])
        status = next((s for s in history if s.valid_from == values["legal_status_since"]),
                      None)
        if status is None:
            status = LegalStatus(municipality=municipality, person_id=person.pk,
                                 code=values["legal_status"],
                                 valid_from=values["legal_status_since"])
            new.append(status)
            history.append(status)
        elif status.code != values["legal_status"]:
            status.code = values["legal_status"]
            changed.append(status)
    insert_rows(new)
    LegalStatus.objects.bulk_update(changed, ["code"], batch_size=CHUNK)
    return histories


def _deadlines(municipality: Municipality, persons: list[Person], created: set[int],
               histories: dict[int, list[LegalStatus]], today: datetime.date) -> None:
    """What refresh_persons() does for the people module's own deadline source, from the
    objects in hand instead of loading them again (an import changes nothing the other
    modules' sources read)."""
    for part in chunks(sorted(p.pk for p in persons if p.pk not in created)):
        Deadline.objects.filter(person_id__in=part, source=PEOPLE_SOURCE).delete()
    params = params_for(municipality)
    insert_rows([Deadline(municipality=municipality, person=person, date=due.date,
                          kind=due.kind, value=due.value, source=PEOPLE_SOURCE)
                 for person in persons
                 for due in compute(person, histories.get(person.pk, []), today, params)])


def write_rows(municipality: Municipality, rows: list[dict[str, Any]],
               today: datetime.date) -> None:
    persons, created = _persons(municipality, rows)
    _households(municipality, rows, persons, today)
    histories = _statuses(municipality, rows, persons, created)
    _deadlines(municipality, persons, created, histories, today)
    timelines.refresh_persons(municipality, [p.pk for p in persons], today)
