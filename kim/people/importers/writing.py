"""Writing validated import rows: persons, households, memberships and statuses in bulk."""

from __future__ import annotations

import datetime
from typing import Any

from kim.core.models import Municipality
from kim.people.domain.deadlines import refresh_persons
from kim.people.domain.persons import refresh_keys
from kim.people.models import Household, HouseholdMember, LegalStatus, Person

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


def _persons(municipality: Municipality, rows: list[dict[str, Any]]) -> list[Person]:
    existing = {p.external_id: p for p in Person.objects.filter(
        external_id__in=[r["external_id"] for r in rows])}
    persons, new = [], []
    for values in rows:
        person = existing.get(values["external_id"])
        if person is None:
            person = Person(municipality=municipality, external_id=values["external_id"])
            new.append(person)
        _apply(person, values)
        persons.append(person)
    Person.objects.bulk_create(new, batch_size=1000)
    changed = [p for p in persons if p not in new]
    if changed:
        Person.objects.bulk_update(changed, PERSON_FIELDS, batch_size=1000)
    return persons


def _households(municipality: Municipality, rows: list[dict[str, Any]],
                persons: list[Person], today: datetime.date) -> None:
    refs = {r["household_ref"] for r in rows if r.get("household_ref")}
    households = {h.reference: h for h in Household.objects.filter(reference__in=refs)}
    new = [Household(municipality=municipality, reference=ref, name=ref)
           for ref in sorted(refs - households.keys())]
    Household.objects.bulk_create(new)
    households.update({h.reference: h for h in new})
    current = {m.person_id: m for m in HouseholdMember.objects.filter(
        person__in=persons, valid_to=None)}
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


def _statuses(municipality: Municipality, rows: list[dict[str, Any]],
              persons: list[Person]) -> None:
    wanted = {(p.pk, r["legal_status_since"]): r["legal_status"]
              for r, p in zip(rows, persons, strict=True) if r.get("legal_status")}
    if not wanted:
        return
    existing = {(s.person_id, s.valid_from): s for s in LegalStatus.objects.filter(
        person__in=[pk for pk, _ in wanted])}
    new, changed = [], []
    for (person_id, since), code in wanted.items():
        status = existing.get((person_id, since))
        if status is None:
            new.append(LegalStatus(municipality=municipality, person_id=person_id, code=code,
                                   valid_from=since))
        elif status.code != code:
            status.code = code
            changed.append(status)
    LegalStatus.objects.bulk_create(new)
    LegalStatus.objects.bulk_update(changed, ["code"])


def write_rows(municipality: Municipality, rows: list[dict[str, Any]],
               today: datetime.date) -> None:
    persons = _persons(municipality, rows)
    _households(municipality, rows, persons, today)
    _statuses(municipality, rows, persons)
    refresh_persons(municipality, [p.pk for p in persons], today)
