"""Computing and querying deadlines (product.md §2.2 "Fristen").

The worklist gathers the dates every module declares (``KimModule.deadline_sources``):
this module contributes the rules engine's ``upcoming`` changes, expiring residence
documents and unaccompanied minors turning 18; housing adds its three-phase dates,
education the end of a course entitlement, and so on. Stored as ``Deadline`` rows so that
the worklist is one indexed query whatever the size of the municipality.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence

from django.db import transaction
from django.db.models import QuerySet

from kim.core.models import Municipality
from kim.core.modules import Due
from kim.core.modules.registry import modules
from kim.people.domain.facts import decisions_for
from kim.people.domain.params import params_for
from kim.people.domain.persons import with_list_data
from kim.people.models import Deadline, LegalStatus, Person
from kim.rules import Params
from kim.rules.dates import add_years

HORIZON_YEARS = 3
PEOPLE_SOURCE = "people"  # the key of this module's DeadlineSource

# The people module's own kinds besides the rules engine's upcoming fields.
POLICY_PERMIT_EXPIRY = "permit_expiry"
POLICY_UMA_18 = "uma_turns_18"


def horizon(today: datetime.date) -> datetime.date:
    """The last day the worklist looks at (three years ahead, as the rules engine)."""
    return add_years(today, HORIZON_YEARS)


def compute(person: Person, statuses: list[LegalStatus], today: datetime.date,
            params: Params) -> list[Due]:
    """The people module's deadlines of ``person`` from ``today`` up to the horizon.
    ``params``: the person's municipality's (kim.people.domain.params.params_for)."""
    last = horizon(today)
    due: set[Due] = set()
    decisions = decisions_for(person, statuses, today, params=params)
    for item in (decisions or {}).get("upcoming", []):
        due.add(Due(person.pk, datetime.date.fromisoformat(item["date"]), item["field"],
                    str(item["value"]).lower()))
    for status in statuses:
        if status.expires_on and today <= status.expires_on <= last:
            due.add(Due(person.pk, status.expires_on, POLICY_PERMIT_EXPIRY, status.code))
    if person.unaccompanied_minor and person.birth_date <= today:
        adult = add_years(person.birth_date, 18)
        if today <= adult <= last:
            due.add(Due(person.pk, adult, POLICY_UMA_18))
    return sorted(due, key=lambda d: (d.date, d.kind))


def due_from_rules_and_documents(municipality: Municipality, person_ids: Sequence[int] | None,
                                 today: datetime.date) -> Iterator[Due]:
    """The people module's deadline source (declared in kim/people/module.py)."""
    persons = Person.objects.filter(municipality=municipality)
    if person_ids is not None:
        persons = persons.filter(pk__in=list(person_ids))
    params = params_for(municipality)
    for person in with_list_data(persons).iterator(chunk_size=2000):
        yield from compute(person, list(person.statuses.all()), today, params)


def _store(municipality: Municipality, person_ids: Sequence[int] | None,
           today: datetime.date) -> int:
    """Write the deadlines of every source for the persons (None: all) in batches."""
    batch: list[Deadline] = []
    total = 0
    for source in modules.deadline_sources():
        for due in source.compute(municipality, person_ids, today):
            batch.append(Deadline(municipality=municipality, person_id=due.person_id,
                                  date=due.date, kind=due.kind, value=due.value,
                                  source=source.key))
            if len(batch) >= 5000:
                Deadline.objects.bulk_create(batch)
                total += len(batch)
                batch = []
    Deadline.objects.bulk_create(batch)
    return total + len(batch)


@transaction.atomic
def refresh_person(person: Person, today: datetime.date) -> None:
    refresh_persons(person.municipality, [person.pk], today)


@transaction.atomic
def refresh_municipality(municipality: Municipality, today: datetime.date) -> int:
    """Recompute every person's deadlines (nightly); returns the number of deadlines."""
    Deadline.objects.filter(municipality=municipality).delete()
    return _store(municipality, None, today)


@transaction.atomic
def refresh_persons(municipality: Municipality, person_ids: Sequence[int],
                    today: datetime.date) -> int:
    """Recompute the deadlines of some persons (after a change or an import)."""
    ids = list(person_ids)
    Deadline.objects.filter(municipality=municipality, person_id__in=ids).delete()
    return _store(municipality, ids, today)


def kind_labels() -> dict[str, object]:
    """Every deadline kind any module produces, with its label (for filters and lists)."""
    return {kind: label for source in modules.deadline_sources()
            for kind, label in source.kinds.items()}


def worklist(municipality: Municipality, *, date_from: datetime.date,
             date_to: datetime.date | None = None, kinds: Iterable[str] = (),
             person_ids: QuerySet[Person] | None = None) -> QuerySet[Deadline]:
    qs = Deadline.objects.filter(municipality=municipality, date__gte=date_from)
    if date_to:
        qs = qs.filter(date__lte=date_to)
    kinds = list(kinds)
    if kinds:
        qs = qs.filter(kind__in=kinds)
    if person_ids is not None:
        qs = qs.filter(person__in=person_ids)
    return qs.select_related("person").order_by("date", "person__family_name", "pk")
