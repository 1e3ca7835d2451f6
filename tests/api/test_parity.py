"""The API checks what the web checks: every API operation names the web view that does
the same; both declare the same permission and object source, and every role gets the
same answer from both (allowed, 403, or 404 for an object its rule hides)."""

import pytest
from django.urls import NoReverseMatch, resolve, reverse
from django_scopes import scope

from kim.api.endpoints import endpoints
from tests.api.conftest import Api, token_for
from tests.conformance.routes import build_world
from tests.core.test_permissions import ALL_PERSONAS

pytestmark = pytest.mark.django_db

# (API URL name, method) -> the web view doing the same; None: no page does it
SAME_AS_WEB = {
    ("persons", "GET"): "people:person_list",
    ("persons", "POST"): "people:person_create",
    ("person", "GET"): "people:person_detail",
    ("person", "PATCH"): "people:person_edit",
    ("person_statuses", "POST"): "people:status_add",
    ("persons_bulk", "POST"): "people:person_import",
    ("households", "GET"): "people:person_list",  # households are listed with persons
    ("household", "GET"): "people:household_detail",
    # the person page shows the status history to holders of people.status:read
    ("person_statuses", "GET"): None,
    ("person_decisions", "GET"): None,  # the person page's decisions: people.status:read
    ("facilities", "GET"): "housing:facility_list",
    # the API's facility has units and places, no residents: the list's permission
    ("facility", "GET"): "housing:facility_list",
    ("stays", "GET"): "housing:facility_board",  # who lives where: the facility board
    ("waiting_list", "GET"): "housing:waiting_list",
    ("waiting_list", "POST"): "housing:waiting_add",
    ("placements", "GET"): "housing:placement_list",
    ("courses", "GET"): "education:course_list",
    ("courses", "POST"): "education:course_create",
    ("course", "GET"): "education:course_detail",
    ("course", "PATCH"): "education:course_edit",
    # referrals are the card's entries (the course page lists them with the same rule)
    ("referrals", "GET"): "education:card",
    ("referral", "GET"): "education:card",
    ("referral", "PATCH"): "education:referral_edit",
    ("person_referrals", "POST"): "education:referral_add",
    ("person_education", "GET"): "education:card",
    ("volunteer_requests", "GET"): "volunteers:request_list",
    ("own_volunteer_requests", "GET"): "volunteers:own_list",
    ("own_volunteer_requests", "POST"): "volunteers:own_create",
    ("own_volunteer_request", "GET"): "volunteers:own_detail",
    ("indicators", "GET"): "monitoring:indicator_list",
    ("indicator", "GET"): "monitoring:indicator_detail",
    # the indicator page shows exact figures to holders of monitoring.indicators:read
    ("observations", "GET"): None,
    ("observations_bulk", "POST"): "monitoring:import",
    ("changes", "GET"): None,  # the audit log is the web's; the feed names no values
}
# the API's object differs from the page's (the facility page is its board of residents)
OTHER_OBJECT = {"facility", "referral"}
WEB_CHECKS_INSIDE = {("observations", "GET"): "monitoring.indicators:read",
                     ("person_statuses", "GET"): "people.status:read",
                     ("person_decisions", "GET"): "people.status:read"}


def _web_view(name):
    try:
        url = reverse(name, kwargs={"municipality": "x"})
    except NoReverseMatch:
        url = reverse(name, kwargs={"municipality": "x", "pk": 1})
    return resolve(url).func.kim_view


def _endpoint(name):
    return next(e for _module, e in endpoints() if e.name == name)


def test_every_api_operation_is_mapped():
    operations = {(e.name, method) for _m, e in endpoints() for method in e.permissions}
    assert operations == set(SAME_AS_WEB)


def test_each_module_declares_its_own_endpoints():
    declared = {e.name: module for module, e in endpoints()}
    assert declared["persons"] == "people"
    assert declared["waiting_list"] == "housing"
    assert declared["changes"] == "api"


@pytest.mark.parametrize("operation", [k for k, v in SAME_AS_WEB.items() if v])
def test_same_permission_and_objects_as_the_web(operation):
    name, method = operation
    e = _endpoint(name)
    web = _web_view(SAME_AS_WEB[operation])
    assert e.permissions[method] == web.permission
    if isinstance(e.obj, type) and isinstance(web.obj, type) and name not in OTHER_OBJECT:
        assert e.obj is web.obj


def test_checks_inside_the_web_pages():
    for (name, method), permission in WEB_CHECKS_INSIDE.items():
        assert _endpoint(name).permissions[method] == permission, name
    assert _endpoint("person_statuses").permissions["POST"] == _web_view(
        "people:status_add").permission


def test_every_role_gets_the_same_answer(personas, soest):
    users = {n: p.user for n, p in personas.items() if p.user is not None}
    build_world(soest, users, 1)
    with scope(municipality=soest):
        from kim.education.models import Course, Referral
        from kim.monitoring.models import Indicator
        from kim.people.models import Household, Person
        from kim.volunteers.models import Request

        person = Person.objects.order_by("pk").first()
        household = Household.objects.order_by("pk").first()
        course = Course.objects.order_by("pk").first()
        learners = [r.person_id for r in Referral.objects.order_by("pk")]
        indicator = Indicator.objects.order_by("pk").first()
        own_request = Request.objects.exclude(created_by=None).order_by("pk").first()
    pairs = [(f"/api/v1/soest/persons/{person.pk}/", f"/soest/persons/{person.pk}/"),
             ("/api/v1/soest/persons/", "/soest/persons/"),
             (f"/api/v1/soest/households/{household.pk}/",
              f"/soest/persons/households/{household.pk}/"),
             ("/api/v1/soest/waiting-list/", "/soest/housing/waiting/"),
             ("/api/v1/soest/placements/", "/soest/housing/waiting/placements/"),
             ("/api/v1/soest/courses/", "/soest/education/courses/"),
             (f"/api/v1/soest/courses/{course.pk}/", f"/soest/education/courses/{course.pk}/"),
             ("/api/v1/soest/volunteer-requests/", "/soest/volunteers/requests/"),
             ("/api/v1/soest/my-volunteer-requests/", "/soest/volunteers/my-requests/"),
             (f"/api/v1/soest/my-volunteer-requests/{own_request.pk}/",
              f"/soest/volunteers/my-requests/{own_request.pk}/"),
             ("/api/v1/soest/indicators/", "/soest/monitoring/"),
             (f"/api/v1/soest/indicators/{indicator.pk}/",
              f"/soest/monitoring/indicators/{indicator.pk}/"),
             # the provider's own learner, another provider's, and a person never referred
             *((f"/api/v1/soest/persons/{pk}/education/", f"/soest/education/persons/{pk}/")
               for pk in (*learners[:2], person.pk))]
    assert len(set(learners[:2])) == 2
    for persona in ALL_PERSONAS[:-2]:
        api = Api(token_for(personas[persona].user, soest, "read"))
        web = personas[persona].client()
        for api_url, web_url in pairs:
            assert api.get(api_url).status_code == web.get(web_url).status_code, (
                persona, api_url)


def test_reports_use_the_report_pages_rules():
    from kim.api.endpoints import RULES

    web = {"reports": _web_view("core:report_list"),
           "report": resolve(reverse("core:report_detail", kwargs={
               "municipality": "x", "name": "benefit_recipients"})).func.kim_view}
    for _route, name, _module, rule, _samples, _view in RULES:
        assert rule is web[name].access, name
