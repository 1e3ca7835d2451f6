"""Every endpoint of the API: (route, name, module, permissions per method, object, view).

The module label is what a token's module list limits; the permissions are the
registry's, the same the module's pages check.
"""

from __future__ import annotations

from typing import Any

from django.urls import path

from kim.api.access import endpoint
from kim.api.views import bulk, changes, housing, people, reports
from kim.core.views.reports import any_report, named_report

# route, name, module, permissions per method, object source, list?, view class
ENDPOINTS: list[tuple[str, str, str, dict[str, str], Any, bool, Any]] = [
    ("persons/", "persons", "people",
     {"GET": "people.persons:read", "POST": "people.persons:write"}, None, True,
     people.PersonList),
    ("persons/bulk", "persons_bulk", "people", {"POST": "people.import:write"}, None, False,
     bulk.PersonBulk),
    ("persons/<int:pk>/", "person", "people",
     {"GET": "people.persons:read", "PATCH": "people.persons:write"}, "Person", False,
     people.PersonDetail),
    ("persons/<int:pk>/statuses/", "person_statuses", "people",
     {"GET": "people.status:read", "POST": "people.status:write"}, "Person", False,
     people.PersonStatuses),
    ("persons/<int:pk>/decisions/", "person_decisions", "people",
     {"GET": "people.status:read"}, "Person", False, people.PersonDecisions),
    ("households/", "households", "people", {"GET": "people.persons:read"}, None, True,
     people.HouseholdList),
    ("households/<int:pk>/", "household", "people", {"GET": "people.persons:read"},
     "Household", False, people.HouseholdDetail),
    ("facilities/", "facilities", "housing", {"GET": "housing.facilities:read"}, None, True,
     housing.FacilityList),
    ("facilities/<int:pk>/", "facility", "housing", {"GET": "housing.facilities:read"},
     "Facility", False, housing.FacilityDetail),
    ("stays/", "stays", "housing", {"GET": "housing.stays:read"}, None, True,
     housing.StayList),
    ("changes/", "changes", "api", {"GET": "api.changes:read"}, None, True, changes.Changes),
]

MODULES = frozenset(e[2] for e in ENDPOINTS)


def _model(name: str | None) -> Any:
    if name is None:
        return None
    from django.apps import apps

    return next(m for m in apps.get_models() if m.__name__ == name)


# endpoints whose access is a rule, not one permission: the report pages' rules
RULES: list[tuple[str, str, str, Any, Any, Any]] = [
    ("reports/", "reports", "reports", any_report, None, reports.ReportList),
    ("reports/<slug:name>/", "report", "reports", named_report,
     lambda municipality: [{"name": name} for name in _report_names()], reports.ReportDetail),
]

MODULES = MODULES | {r[2] for r in RULES}


def _report_names() -> list[str]:
    from kim.core.reports.registry import reports as registered

    return list(registered.names)


def patterns() -> list[Any]:
    return [*(path(route, endpoint(module, perms, obj=_model(obj), list_view=is_list)(
        view.as_view()), name=name)
        for route, name, module, perms, obj, is_list, view in ENDPOINTS),
        *(path(route, endpoint(module, {}, access=rule, samples=samples)(view.as_view()),
               name=name) for route, name, module, rule, samples, view in RULES)]
