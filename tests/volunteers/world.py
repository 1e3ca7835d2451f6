"""The volunteers module's part of the conformance world. Every call adds ``n`` working
groups with a volunteer, an open request from the coordination, a caseworker's own
request, a proposed and an active assignment with hours, and a public offer."""

import datetime

from kim.volunteers.models import Match
from tests.volunteers.factories import (
    MatchFactory,
    MatchHoursFactory,
    OfferFactory,
    RequestFactory,
    VolunteerFactory,
    WorkingGroupFactory,
)


def build(municipality, users, n):
    for _ in range(n):
        group = WorkingGroupFactory(municipality=municipality)
        volunteer = VolunteerFactory(municipality=municipality)
        volunteer.working_groups.add(group)
        RequestFactory(municipality=municipality)
        RequestFactory(municipality=municipality, created_by=users.get("caseworker"))
        MatchFactory(request__municipality=municipality, volunteer=volunteer)
        active = MatchFactory(request__municipality=municipality, volunteer=volunteer,
                              state=Match.State.ACTIVE,
                              agreed_on=datetime.date(2025, 1, 12),
                              started_on=datetime.date(2025, 1, 15))
        MatchHoursFactory(match=active)
        OfferFactory(municipality=municipality)
