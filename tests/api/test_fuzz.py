"""schemathesis against the API: generated requests for every operation, with tokens of
two roles in Soest and a token of Herne. No 5xx, every answer as the schema says, and no
Herne data in any answer to Soest (nor the other way round)."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django_scopes import scope
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kim.monitoring.models import Indicator
from tests.api.conftest import token_for
from tests.education.factories import CourseFactory, ProviderFactory, ReferralFactory
from tests.people.factories import PersonFactory, StatusFactory

pytestmark = pytest.mark.django_db(transaction=False)

EXAMPLES = 8  # per operation and token: ~770 requests for 32 operations, as before
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


@pytest.fixture(autouse=True)
def keep_connection():
    """As Django's test client does: the WSGI app must not close the test's connection
    at the end of each request (on PostgreSQL that would end the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _world(town, family_name):
    """Persons, a course and an indicator named with the town's marker (each module's
    endpoints must keep them in their town)."""
    with scope(municipality=town):
        for _ in range(2):
            person = PersonFactory(municipality=town, family_name=family_name)
            StatusFactory(person=person, code="gestattung")
        course = CourseFactory(municipality=town, title=family_name,
                               provider=ProviderFactory(municipality=town))
        ReferralFactory(course=course, person=person)
        Indicator.objects.create(municipality=town, code="marker", name=family_name,
                                 topic="population")


def test_generated_requests(personas, soest, herne):
    _world(soest, "Soestmarker")
    _world(herne, "Hernemarker")
    tokens = [
        (soest, token_for(personas["caseworker"].user, soest, "write"), "Hernemarker"),
        (soest, token_for(personas["housing"].user, soest, "read"), "Hernemarker"),
        (herne, token_for(personas["foreign"].user, herne, "write"), "Soestmarker"),
    ]
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    calls = []
    for operation in operations:
        for town, raw, foreign in tokens:
            _fuzz(operation, town.slug, raw, foreign, calls)
    assert len(calls) >= len(operations) * len(tokens)
    assert {c[0] for c in calls} == {"GET", "POST", "PATCH"}


def _fuzz(operation, slug, raw, foreign, calls):
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case):
        case.path_parameters["municipality"] = slug
        response = case.call_and_validate(headers={"Authorization": f"Bearer {raw}"},
                                          checks=CHECKS)
        assert foreign not in response.text, (case.method, case.formatted_path)
        calls.append((case.method, response.status_code))

    run()
