"""Children and youths: what the school office may see (product.md §3, "children only")."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from kim.people.models import Person

ADULT_AGE = 18


def adult_cutoff(today: datetime.date) -> datetime.date:
    """Persons born on or before this day are adults on ``today``."""
    try:
        return today.replace(year=today.year - ADULT_AGE)
    except ValueError:  # 29 February: the birthday falls on 1 March in common years
        return datetime.date(today.year - ADULT_AGE, 3, 1) - datetime.timedelta(days=1)


def minors(qs: QuerySet[Person], today: datetime.date) -> QuerySet[Person]:
    """Persons under 18 on ``today`` who still live in the municipality."""
    return qs.filter(birth_date__gt=adult_cutoff(today)).filter(
        Q(moved_away_date__isnull=True) | Q(moved_away_date__gt=today))


def is_minor(person: Person, today: datetime.date) -> bool:
    gone = person.moved_away_date is not None and person.moved_away_date <= today
    return person.birth_date > adult_cutoff(today) and not gone
