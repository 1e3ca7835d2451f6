"""Every endpoint of the API: the modules' own (``KimModule.api``, collected from the
registry) and the API's own (the changes feed, the reports of core).

The module label is what a token's module list limits; the permissions are the
registry's, the same the module's pages check.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import Any

from django.urls import path

from kim.api.access import endpoint
from kim.api.declare import Endpoint
from kim.api.views import changes, reports
from kim.core.views.reports import any_report, named_report

OWN = [Endpoint("changes/", "changes", {"GET": "api.changes:read"}, changes.Changes,
                list_view=True)]


@cache
def endpoints() -> list[tuple[str, Endpoint]]:
    """(module label, endpoint) of every module that declares endpoints, then the API's."""
    from kim.core.modules.registry import modules

    found = [(m.label, e) for m in modules if m.api
             for e in import_module(m.api).ENDPOINTS]
    found += [("api", e) for e in OWN]
    names = [e.name for _label, e in found]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert not duplicates, f"API endpoint names declared twice: {duplicates}"
    return found


def _report_names() -> list[str]:
    from kim.core.reports.registry import reports as registered

    return list(registered.names)


# endpoints whose access is a rule, not one permission: the report pages' rules
RULES: list[tuple[str, str, str, Any, Any, Any]] = [
    ("reports/", "reports", "reports", any_report, None, reports.ReportList),
    ("reports/<slug:name>/", "report", "reports", named_report,
     lambda municipality: [{"name": name} for name in _report_names()], reports.ReportDetail),
]


def modules() -> frozenset[str]:
    """What a token's module list may name."""
    return frozenset({label for label, _e in endpoints()} | {r[2] for r in RULES})


def patterns() -> list[Any]:
    return [*(path(e.route, endpoint(label, e.permissions, obj=e.obj,
                                     list_view=e.list_view)(e.view.as_view()), name=e.name)
              for label, e in endpoints()),
            *(path(route, endpoint(module, {}, access=rule, samples=samples)(view.as_view()),
                   name=name) for route, name, module, rule, samples, view in RULES)]
