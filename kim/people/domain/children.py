"""Children and youths: what the school office may see (product.md §3, "children only")."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from kim.people.models import Person
from kim.rules.dates import add_years

ADULT_AGE = 18


def adult_cutoff(today: datetime.date) -> datetime.date:
    """Persons born on or before this day are adults on ``today``."""
    # 29 February: 28 February 18 years before (a birthday of 29.02. falls on 01.03. in
    # common years, so someone born on 29.02. of that year is still a minor)
    return add_years(today, -ADULT_AGE)


def minors(qs: QuerySet[Person], today: datetime.date) -> QuerySet[Person]:
    """Persons under 18 on ``today`` who still live in the municipality."""
    return qs.filter(birth_date__gt=adult_cutoff(today)).filter(
        Q(moved_away_date__isnull=True) | Q(moved_away_date__gt=today))


def is_minor(person: Person, today: datetime.date) -> bool:
    gone = person.moved_away_date is not None and person.moved_away_date <= today
    return person.birth_date > adult_cutoff(today) and not gone
