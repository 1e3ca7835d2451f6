"""The people module's part of the conformance world: adults with a legal status, a
child, a household. ``build`` is called repeatedly: every call adds ``n`` of each."""

import datetime

from django.utils import timezone

from tests.casework.factories import MemberFactory
from tests.people.factories import PersonFactory, StatusFactory


def build(municipality, users, n):
    today = timezone.localdate()
    for _ in range(n):
        adult = PersonFactory(municipality=municipality)
        StatusFactory(person=adult, code="gestattung")
        StatusFactory(person=adult, code="refugee", valid_from=datetime.date(2024, 4, 10),
                      expires_on=today + datetime.timedelta(days=200))
        MemberFactory(person=adult)
        child = PersonFactory(municipality=municipality, given_names="Lina",
                              birth_date=today.replace(year=today.year - 8, day=1))
        StatusFactory(person=child, code="refugee", valid_from=datetime.date(2024, 4, 10))
