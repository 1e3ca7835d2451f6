"""Writing a person or a status record: validate, let the rules engine check, then save –
in one transaction, so a refused value is never stored (issue 10: a date the engine could
not read used to be saved first and then broke every page that evaluates the person).

Views, commands and (later) the API call these functions; each raises ValidationError
keyed by model field names, with messages in the active language.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kim.people.domain import timelines
from kim.people.domain.deadlines import refresh_person
from kim.people.domain.facts import facts_for
from kim.people.domain.params import params_for
from kim.people.domain.persons import refresh_keys, store_name_tokens
from kim.people.models import LegalStatus, Person
from kim.rules import FactsError, evaluate

DUPLICATE_EXTERNAL_ID = "external_id"


def refresh_derived(person: Person, today: datetime.date) -> None:
    """What follows from a person's facts: the deadlines and the legal time line."""
    refresh_person(person, today)
    timelines.refresh_persons(person.municipality, [person.pk], today)


def _field_of(path: str, status_field: str) -> str:
    """The model field a FactsError path points at (``person.entry_date`` → entry_date)."""
    name = path.removeprefix("person.")
    if name.startswith("statuses["):
        return status_field
    if name in {f.name for f in Person._meta.concrete_fields}:
        return name
    return NON_FIELD_ERRORS


def engine_check(person: Person, statuses: Sequence[Any], today: datetime.date, *,
                 status_field: str = NON_FIELD_ERRORS) -> None:
    """Raise ValidationError if the rules engine refuses the facts of ``person`` with
    ``statuses`` on ``today`` – the strict check of the write path (reading pages skip and
    list such persons instead: kim.people.domain.facts)."""
    if not any(s.valid_from <= today for s in statuses):
        return
    try:
        evaluate(facts_for(person, list(statuses), today),
                 params=params_for(person.municipality))
    except FactsError as exc:
        field = _field_of(exc.path, status_field)
        raise ValidationError({field: _("The rules engine cannot use this value: "
                                        "%(problem)s") % {"problem": exc}}) from None


@transaction.atomic
def record_person(person: Person, today: datetime.date) -> Person:
    """Validate ``person`` (plausible dates, constraints), check its facts with the rules
    engine, save it and recompute its deadlines – all or nothing.

    A concurrent request that took the same external ID first makes the insert fail inside
    a savepoint; that becomes the same field error the validation gives."""
    refresh_keys(person)
    person.full_clean()
    statuses = list(person.statuses.all()) if person.pk else []
    engine_check(person, statuses, today)
    created = person.pk is None
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError as exc:
        if "external_id" not in str(exc):
            raise
        raise ValidationError({DUPLICATE_EXTERNAL_ID: _(
            "Another person already has this external ID.")}) from None
    store_name_tokens([person], created=created)
    refresh_derived(person, today)
    return person


@transaction.atomic
def record_status(status: LegalStatus, today: datetime.date) -> LegalStatus:
    """Validate a new or corrected status record, check the person's resulting history with
    the rules engine, save it and recompute the person's deadlines."""
    status.full_clean(exclude=["person", "municipality"])
    person = status.person
    if person.statuses.exclude(pk=status.pk).filter(valid_from=status.valid_from).exists():
        raise ValidationError({"valid_from": _("There is already a status starting on this "
                                               "day.")})
    history = [s for s in person.statuses.all() if s.pk != status.pk] + [status]
    engine_check(person, history, today, status_field="valid_from")
    status.save()
    refresh_derived(person, today)
    return status


@transaction.atomic
def delete_status(status: LegalStatus, today: datetime.date) -> None:
    """Delete a wrongly entered status record (audited like every delete) and recompute the
    person's deadlines from the remaining history."""
    person = status.person
    status.delete()
    refresh_derived(person, today)
