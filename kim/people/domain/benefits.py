"""Who receives which benefits on a day – the basis of the benefit_recipients report."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator

from django.db.models import OuterRef, Q, QuerySet, Subquery

from kim.core.models import Municipality
from kim.people.domain.facts import decisions_for
from kim.people.domain.persons import current_status, with_list_data
from kim.people.models import LegalStatus, Person
from kim.rules.codes import ASYLBLG_ALWAYS

STATUS_GROUPS = ("gestattung", "duldung", "other")
REGIMES = ("asylblg_basic", "asylblg_analog")


def residents(municipality: Municipality, as_of: datetime.date) -> QuerySet[Person]:
    """Persons of the municipality on ``as_of``: assigned by then and not moved away."""
    return (Person.objects.filter(municipality=municipality, assignment_date__lte=as_of)
            .filter(Q(moved_away_date__isnull=True) | Q(moved_away_date__gt=as_of)))


def status_group(code: str) -> str:
    if code in ("gestattung", "asylum_seeker"):
        return "gestattung"
    if code.startswith("duldung"):
        return "duldung"
    return "other"


# Statuses under which a person may receive AsylbLG benefits (legal-rules.md §3.1); the
# engine decides, this only spares it the persons who cannot qualify.
POSSIBLY_ASYLBLG = ASYLBLG_ALWAYS | {"humanitarian_25_5", "temporary_protection"}


def candidates(municipality: Municipality, as_of: datetime.date) -> QuerySet[Person]:
    """Residents who may be AsylbLG recipients on ``as_of``: their status in force is in
    AsylbLG scope, or it began this month (AsylbLG ends only at the end of that month)."""
    current = LegalStatus.objects.filter(person=OuterRef("pk"), valid_from__lte=as_of) \
        .order_by("-valid_from")
    return (residents(municipality, as_of)
            .annotate(current_code=Subquery(current.values("code")[:1]),
                      current_from=Subquery(current.values("valid_from")[:1]))
            .filter(Q(current_code__in=POSSIBLY_ASYLBLG)
                    | Q(current_from__gte=as_of.replace(day=1))))


def asylblg_recipients(municipality: Municipality,
                       as_of: datetime.date) -> Iterator[tuple[Person, str, str]]:
    """(person, status group, regime) for every AsylbLG recipient on ``as_of``."""
    for person in with_list_data(candidates(municipality, as_of)).iterator(chunk_size=2000):
        statuses = list(person.statuses.all())
        decisions = decisions_for(person, statuses, as_of)
        if decisions is None:
            continue
        regime = decisions["benefits"]["regime"]
        if regime in REGIMES:
            status = current_status(statuses, as_of)
            yield person, status_group(status.code if status else ""), regime


def benefit_recipient_counts(municipality: Municipality,
                             as_of: datetime.date) -> Counter[tuple[str, str]]:
    return Counter((group, regime)
                   for _, group, regime in asylblg_recipients(municipality, as_of))
