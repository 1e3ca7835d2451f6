"""Retention of the people module's data (DSGVO Art. 5(1)(e), 17) and the one definition
of "case closed" every module's per-person rule uses.

**Case closed.** A person's case is closed on the day they left the municipality's care –
``moved_away_date`` (moved away, left Germany, died: the person form's "moved away on") –
provided no module still works with them: each module may name persons it keeps open
(``PersonalData.open_cases``: housing an open stay, case work a planned appointment).
A person who lives in the municipality has an open case, however old the data. The
retention periods count from the closing day.

**What anonymising keeps.** Names, name variants, the search tokens of the names, contact
data, external and document numbers and free-text notes go; birth date, sex,
citizenships, the anchor dates, the status history, household memberships and stays stay,
so that every report for a past date gives the same figures (tests/people/test_retention.py).
That remainder is a statistical record, not anonymous in the strict sense of Recital 26:
in a small municipality birth date, citizenship and dates may still single someone out,
which is why only the roles with person-level access ever see it.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from kim.core.models import Municipality
from kim.core.modules import RetentionScope
from kim.core.modules.registry import modules
from kim.people.models import (
    Household,
    HouseholdMember,
    LegalStatus,
    Person,
    PersonName,
    PersonNameToken,
    Vulnerability,
)

ANONYMISED = "***"


def closed_cases(municipality: Municipality, cutoff: datetime.date) -> QuerySet[Person]:
    """Persons whose case closed on or before ``cutoff`` (see the module docstring)."""
    qs = Person.objects.filter(municipality=municipality, moved_away_date__isnull=False,
                               moved_away_date__lte=cutoff)
    for open_cases in modules.open_case_sources():
        qs = qs.exclude(pk__in=open_cases(municipality))
    return qs


def count_or_delete(qs: QuerySet[Any], dry_run: bool) -> int:
    """How many rows are due; deleted (one by one: signals write the audit entries and
    e.g. documents remove their files) unless it is a dry run."""
    if dry_run:
        return qs.count()
    count = 0
    for obj in qs.iterator(chunk_size=500):
        obj.delete()
        count += 1
    return count


def erase_vulnerabilities(scope: RetentionScope) -> int:
    due = closed_cases(scope.municipality, scope.cutoff).values("pk")
    return count_or_delete(Vulnerability.objects.filter(municipality=scope.municipality,
                                                        person__in=due), scope.dry_run)


def anonymise_persons(scope: RetentionScope) -> int:
    """Anonymise every person whose case closed on or before the cutoff (once)."""
    due = closed_cases(scope.municipality, scope.cutoff).filter(anonymised_on__isnull=True)
    if scope.dry_run:
        return due.count()
    count = 0
    for person in due.iterator(chunk_size=500):
        anonymise(person, scope.today)
        count += 1
    return count


def anonymise(person: Person, today: datetime.date | None) -> None:
    person.family_name = person.given_names = ANONYMISED
    person.external_id = person.phone = person.email = person.name_key = ""
    person.anonymised_on = today or timezone.localdate()
    person.save()
    PersonName.objects.filter(person=person).delete()
    PersonNameToken.objects.filter(person=person).delete()
    for status in LegalStatus.objects.filter(person=person).exclude(document_number="",
                                                                   note=""):
        status.document_number = status.note = ""
        status.save()
    households = HouseholdMember.objects.filter(person=person).values("household_id")
    for household in Household.objects.filter(pk__in=households).exclude(
            members__person__anonymised_on__isnull=True).exclude(name="", reference=""):
        household.name = household.reference = ""  # the last member is gone: the name too
        household.save()


def households_of_closed_cases(municipality: Municipality,
                               cutoff: datetime.date) -> QuerySet[Household]:
    """Households whose every member's case closed on or before ``cutoff``."""
    due = closed_cases(municipality, cutoff).values("pk")
    return (Household.objects.filter(municipality=municipality, members__person__in=due)
            .exclude(members__person__in=Person.objects.filter(municipality=municipality)
                     .exclude(pk__in=due).values("pk"))
            .distinct())
