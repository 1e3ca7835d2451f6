"""The people module's REST endpoints (``KimModule.api``): persons, their legal status
history and the rules engine's decisions, households, and the bulk import."""

from kim.api.declare import Endpoint
from kim.people.api import bulk, views
from kim.people.models import Household, Person

ENDPOINTS = [
    Endpoint("persons/", "persons",
             {"GET": "people.persons:read", "POST": "people.persons:write"},
             views.PersonList, list_view=True),
    Endpoint("persons/bulk", "persons_bulk", {"POST": "people.import:write"},
             bulk.PersonBulk),
    Endpoint("persons/<int:pk>/", "person",
             {"GET": "people.persons:read", "PATCH": "people.persons:write"},
             views.PersonDetail, obj=Person),
    Endpoint("persons/<int:pk>/statuses/", "person_statuses",
             {"GET": "people.status:read", "POST": "people.status:write"},
             views.PersonStatuses, obj=Person),
    Endpoint("persons/<int:pk>/decisions/", "person_decisions", {"GET": "people.status:read"},
             views.PersonDecisions, obj=Person),
    Endpoint("households/", "households", {"GET": "people.persons:read"},
             views.HouseholdList, list_view=True),
    Endpoint("households/<int:pk>/", "household", {"GET": "people.persons:read"},
             views.HouseholdDetail, obj=Household),
]
