"""From stored person data to the rules engine's facts, and its decisions back.

Reports over every resident (benefit recipients, Tab. 7) read plain rows instead of model
instances: ``fact_persons`` and ``status_histories`` are two queries whatever the size,
and their rows serve ``decisions_for`` like a Person and its LegalStatus records (at
100 000 persons model instances and Django's value converters cost more than the engine).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.dataproblems import DataProblem, report_problem
from kim.core.models import Municipality
from kim.people.models import LegalStatus, Person
from kim.people.models.fields import partial_date_text
from kim.people.models.plausibility import PERSON_DATES, person_date_errors, status_date_errors
from kim.rules import FactsError, Params, Point, evaluate, evaluate_point, parse_facts


def facts_for(person: Person, statuses: Sequence[LegalStatus | FactStatus],
              as_of: datetime.date) -> dict[str, Any]:
    """The facts object of legal-rules.md §2.1 for ``person`` on ``as_of``.

    ``statuses`` are the person's status records (passed in so that lists can prefetch).
    """

    def iso(day: datetime.date | None) -> str | None:
        return day.isoformat() if day else None

    return {
        "as_of": as_of.isoformat(),
        "person": {
            "birth_date": person.birth_date_fact,
            "citizenships": list(person.citizenships),
            "entry_date": iso(person.entry_date),
            "asylum_application_date": iso(person.asylum_application_date),
            "assignment_date": iso(person.assignment_date),
            "lives_in_reception_centre": person.lives_in_reception_centre,
            "unaccompanied_minor": person.unaccompanied_minor,
            "analog_benefits_since": iso(person.analog_benefits_since),
            "residence_obligation_exception": person.residence_obligation_exception,
            "statuses": [{"code": s.code, "from": s.valid_from.isoformat()}
                         for s in sorted(statuses, key=lambda s: s.valid_from)],
        },
    }


def decisions_for(person: Person, statuses: Sequence[LegalStatus | FactStatus],
                  as_of: datetime.date, *, params: Params) -> dict[str, Any] | None:
    """The engine's decisions, or None while the person has no status on ``as_of`` – and
    None for a person whose stored values the engine refuses: the reading page or report
    lists it as a data problem (kim.core.dataproblems) and goes on with the others.
    ``params``: ``kim.people.domain.params.params_for`` the person's municipality."""
    if not any(s.valid_from <= as_of for s in statuses):
        return None
    try:
        return evaluate(facts_for(person, statuses, as_of), params=params)
    except FactsError as exc:
        report_problem(describe(person, statuses, exc), exc)
        return None


def regime_and_housing(person: Person | FactPerson, statuses: list[Any], as_of: datetime.date,
                       *, params: Params) -> Point | None:
    """(benefit regime, housing category, own-flat entitlement) on ``as_of`` through the
    engine's cheap point entry – None while the person has no status or is not born yet on
    ``as_of``, and for a person whose stored values the engine refuses (listed as in
    ``decisions_for``)."""
    if not any(s.valid_from <= as_of for s in statuses):
        return None
    if person.birth_date > as_of:  # a status before the birth: a stored value is wrong
        exc = FactsError("person.birth_date", f"after as_of {as_of.isoformat()}")
        report_problem(describe(person, statuses, exc), exc)
        return None
    try:
        return evaluate_point(facts_for(person, statuses, as_of),  # type: ignore[arg-type]
                              params=params)
    except FactsError as exc:
        report_problem(describe(person, statuses, exc), exc)
        return None


def usable(person: Person | FactPerson, statuses: Sequence[Any], as_of: datetime.date) -> bool:
    """Can the rules engine read the person's stored facts on ``as_of``? If not, the
    person is listed as a data problem (as in ``decisions_for``) and False returned – for
    callers that use the engine's parts directly (time lines, entitlements)."""
    if not any(s.valid_from <= as_of for s in statuses):
        return True
    try:
        if person.birth_date > as_of:
            raise FactsError("person.birth_date", f"after as_of {as_of.isoformat()}")
        parse_facts(facts_for(person, statuses, as_of))  # type: ignore[arg-type]
    except FactsError as exc:
        report_problem(describe(person, statuses, exc), exc)
        return False
    return True


def describe(person: Person | FactPerson, statuses: Sequence[Any],
             exc: FactsError) -> DataProblem:
    """The data problem of a person the engine refused: the plausibility check's message
    for the field the engine named (kim.people.models.plausibility), else the engine's."""
    name = exc.path.removeprefix("person.")
    field = "valid_from" if name.startswith("statuses") else name
    today = timezone.localdate()
    errors = person_date_errors(person.birth_date,
                                {f: getattr(person, f, None) for f in PERSON_DATES}, today)
    for status in statuses:
        for key, messages in status_date_errors(status.valid_from, None, person.birth_date,
                                                today).items():
            errors.setdefault(key, []).extend(messages)
    if field not in errors and errors:  # the check found the cause in another field
        field = next(iter(errors))
    messages = errors.get(field, [])
    message = messages[0] if messages else _(
        "The rules engine cannot evaluate a stored value: %(problem)s") % {"problem": exc}
    label = str(person) if isinstance(person, Person) else str(
        Person.objects.filter(pk=person.pk).first() or person.pk)
    return DataProblem("people.person", person.pk, field, message, label=label,
                       url_name="people:person_detail", permission="people.persons:read")


class FactStatus(NamedTuple):
    code: str
    valid_from: datetime.date


class FactPerson(NamedTuple):
    """The person fields the rules' facts are built from (``facts_for``)."""

    pk: int
    birth_date: datetime.date
    birth_date_precision: str
    citizenships: list[str]
    entry_date: datetime.date | None
    asylum_application_date: datetime.date | None
    assignment_date: datetime.date | None
    lives_in_reception_centre: bool
    unaccompanied_minor: bool
    analog_benefits_since: datetime.date | None
    residence_obligation_exception: bool
    moved_away_date: datetime.date | None

    @property
    def birth_date_fact(self) -> str:
        return partial_date_text(self.birth_date, self.birth_date_precision)


def plain_rows(qs: QuerySet[Any]) -> list[tuple[Any, ...]]:
    """The raw rows of a values_list() query: Django's per-value converters took a third
    of the benefit report's time at 100 000 persons. The callers convert what the
    database returns as text (SQLite: dates, JSON) or integers (SQLite: booleans)."""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def db_date(value: Any) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def fact_persons(persons: QuerySet[Person]) -> list[FactPerson]:
    """The persons of the query as FactPerson rows – one query."""
    result = []
    for row in plain_rows(persons.values_list(*FactPerson._fields).order_by()):
        (pk, born, precision, citizenships, entry, applied, assigned, centre, uma, analog, exc,
         away) = row
        result.append(FactPerson(
            pk, db_date(born), precision,  # type: ignore[arg-type]
            json.loads(citizenships) if isinstance(citizenships, str) else citizenships,
            db_date(entry), db_date(applied), db_date(assigned), bool(centre), bool(uma),
            db_date(analog), bool(exc), db_date(away)))
    return result


def status_histories(municipality: Municipality,
                     persons: list[FactPerson]) -> dict[int, list[FactStatus]]:
    """Every status record of ``persons`` by person id, unordered (the users sort). One
    single-table query over the municipality: a join or IN with the persons becomes a
    quadratic nested loop on PostgreSQL tables without statistics."""
    histories: dict[int, list[FactStatus]] = {person.pk: [] for person in persons}
    for person_id, code, valid_from in plain_rows(LegalStatus.objects.filter(
            municipality=municipality).values_list("person_id", "code", "valid_from")
            .order_by()):
        history = histories.get(person_id)
        if history is not None:
            history.append(FactStatus(code, db_date(valid_from)))  # type: ignore[arg-type]
    return histories
