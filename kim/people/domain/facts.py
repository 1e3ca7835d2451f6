"""From stored person data to the rules engine's facts, and its decisions back."""

from __future__ import annotations

import datetime
from typing import Any

from kim.people.models import LegalStatus, Person
from kim.rules import evaluate


def facts_for(person: Person, statuses: list[LegalStatus], as_of: datetime.date) -> dict[str, Any]:
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


def decisions_for(person: Person, statuses: list[LegalStatus],
                  as_of: datetime.date) -> dict[str, Any] | None:
    """The engine's decisions, or None while the person has no status on ``as_of``."""
    if not any(s.valid_from <= as_of for s in statuses):
        return None
    return evaluate(facts_for(person, statuses, as_of))
