"""Every standard report × every default role: detail, aggregates or nothing – exactly as
product.md §3 says for the report's data area (finding: "school office and coordinator see
legal-status and occupancy aggregates where product.md §3 says —")."""

from __future__ import annotations

import pytest
from django_scopes import scope

from kim.core.permissions.registry import DEFAULT_ROLES
from kim.core.reports.registry import reports
from kim.core.reports.service import Audience, audience_for

CASE_ROLES = {"caseworker", "benefits", "housing"}
PLAN_READERS = {"coordinator", "steering", "caseworker", "school_office",
                "volunteer_coordinator"}
MONITORING_A = {"steering", "coordinator", "caseworker", "benefits", "housing", "school_office"}

# report -> (roles with the detail version, roles with the aggregate version)
EXPECTED = {
    # legal status & derived rules: W/W/R for case roles, "A" steering only
    "benefit_recipients": (CASE_ROLES, {"steering"}),
    # accommodation & stays: R/R/W, "A" coordinator and steering
    "occupancy": (CASE_ROLES, {"coordinator", "steering"}),
    "refugees_over_time": (CASE_ROLES, {"coordinator", "steering"}),
    "fehlbeleger_trend": (CASE_ROLES, {"coordinator", "steering"}),
    "occupancy_trend": (CASE_ROLES, {"coordinator", "steering"}),
    # accommodation by legal-status categories: both areas' "A" – steering only
    "housing_placement": (CASE_ROLES, {"steering"}),
    # person master data (citizenship, age): "A" steering only
    "arrivals_by_origin": (CASE_ROLES, {"steering"}),
    # the Land's published figures and staff per role: monitoring ("A" for the case roles,
    # school office, steering; the coordinator writes monitoring)
    "quota": (CASE_ROLES, MONITORING_A - CASE_ROLES),
    "users_by_role": ({"admin"}, MONITORING_A),
    # volunteers: W volunteer coordination, R coordinator, "A" steering
    "volunteers_by_group": ({"volunteer_coordinator", "coordinator"}, {"steering"}),
    "volunteer_matches": ({"volunteer_coordinator", "coordinator"}, {"steering"}),
    "volunteer_requests": ({"volunteer_coordinator", "coordinator"}, {"steering"}),
    # the offers directory (organisations): every role that refers people to offers
    "volunteer_offers": ({"volunteer_coordinator", "coordinator", "caseworker", "benefits",
                          "housing", "school_office"}, {"steering"}),
    # education records: W case work (all persons), "A" coordinator and steering
    **dict.fromkeys(("childcare", "schooling", "employability", "courses", "measures",
                     "course_waiting"),
                    ({"caseworker"}, {"coordinator", "steering"})),
    # action plan, fund: no person data; R for case work, school office, volunteer
    # coordination and steering, W coordinator – all see the one (detail) version
    "action_plan": (PLAN_READERS, set()),
    "integration_fund": (PLAN_READERS, set()),
}


def test_every_report_is_in_the_matrix():
    assert set(EXPECTED) == set(reports.names)


@pytest.mark.parametrize("role", list(DEFAULT_ROLES))
@pytest.mark.parametrize("name", list(EXPECTED))
def test_audience_per_role_and_report(personas, soest, role, name):
    detail, aggregate = EXPECTED[name]
    want = (Audience.DETAIL if role in detail else
            Audience.AGGREGATE if role in aggregate else None)
    with scope(municipality=soest):
        assert audience_for(personas[role].user, reports.get(name), soest) is want
    response = personas[role].client().get(f"/soest/reports/{name}/",
                                           {"as_of": "2025-12-31", "format": "json"})
    assert response.status_code == (403 if want is None else 200)


@pytest.mark.parametrize("role", ["school_office", "coordinator"])
def test_school_office_and_coordinator_get_no_legal_status_aggregates(personas, role):
    client = personas[role].client()
    for name in ("benefit_recipients", "housing_placement"):
        assert client.get(f"/soest/reports/{name}/").status_code == 403
    listing = client.get("/soest/reports/").content.decode()
    assert "/soest/reports/benefit_recipients/" not in listing


def test_school_office_gets_no_occupancy_aggregates(personas):
    client = personas["school_office"].client()
    for name in ("occupancy", "occupancy_trend", "refugees_over_time", "fehlbeleger_trend"):
        assert client.get(f"/soest/reports/{name}/").status_code == 403


def test_navigation_shows_reports_to_those_with_a_report(personas):
    assert 'href="/soest/reports/"' in personas["steering"].client().get(
        "/soest/").content.decode()
    # the provider holds no report (the volunteer coordination reads the action plan's)
    page = personas["provider"].client().get("/soest/").content.decode()
    assert 'href="/soest/reports/"' not in page
    assert personas["provider"].client().get("/soest/reports/").status_code == 403
