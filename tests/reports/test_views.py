"""Report URLs: permission matrix, detail vs aggregate audience, downloads, date form."""

import io
import json
from dataclasses import replace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from kim.core.permissions.registry import DEFAULT_ROLES
from kim.core.reports.registry import reports
from tests.core.test_permissions import expected_status
from tests.reports.conftest import DEMO_REPORT, add_members

ALL_PERSONAS = [*DEFAULT_ROLES, "anonymous", "foreign"]
AGGREGATE_ROLES = {"steering", "coordinator", "caseworker", "benefits", "housing",
                   "school_office"}
USERS_BY_ROLE = AGGREGATE_ROLES | {"admin"}  # admin: detail via core.users:read

# the list: everyone with a report (the volunteer coordination reads the action plan's)
MATRIX = {
    "/soest/reports/": USERS_BY_ROLE | {"volunteer_coordinator"},
    "/soest/reports/users_by_role/": USERS_BY_ROLE,
    "/soest/reports/users_by_role/?as_of=2026-01-31": USERS_BY_ROLE,
    "/soest/reports/users_by_role/?format=csv": USERS_BY_ROLE,
    "/soest/reports/users_by_role/?format=xlsx": USERS_BY_ROLE,
    "/soest/reports/users_by_role/?format=json": USERS_BY_ROLE,
}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
@pytest.mark.parametrize("url", list(MATRIX))
def test_matrix(personas, url, persona):
    response = personas[persona].client().get(url)
    assert response.status_code == expected_status(persona, MATRIX[url]), url
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_unknown_report_is_404_for_members(personas, persona):
    status = personas[persona].client().get("/soest/reports/no_such_report/").status_code
    assert status == (302 if persona == "anonymous" else 404)


def test_unknown_format_is_404(personas):
    client = personas["steering"].client()
    assert client.get("/soest/reports/users_by_role/?format=exe").status_code == 404


def test_list_shows_visible_reports_and_marks_aggregates(personas, demo_report):
    steering = personas["steering"].client().get("/soest/reports/").content.decode()
    admin = personas["admin"].client().get("/soest/reports/").content.decode()
    assert 'href="/soest/reports/users_by_role/"' in steering
    assert 'href="/soest/reports/members_demo/"' in steering
    assert "nur Summen" in steering
    assert 'href="/soest/reports/members_demo/"' in admin and "nur Summen" not in admin


def test_report_without_aggregate_audience_is_detail_only(personas):
    detail_only = replace(DEMO_REPORT, name="detail_only", aggregate_permission=None)
    reports.register(detail_only)
    try:
        steering = personas["steering"].client()
        assert 'href="/soest/reports/detail_only/"' not in steering.get(
            "/soest/reports/").content.decode()
        assert steering.get("/soest/reports/detail_only/").status_code == 403
        assert personas["admin"].client().get("/soest/reports/detail_only/").status_code == 200
    finally:
        reports.unregister("detail_only")


def test_pdf_download(personas):
    response = personas["steering"].client().get(
        "/soest/reports/users_by_role/?as_of=2026-01-31&format=pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


@pytest.fixture
def members_since_2020(soest):
    """Every membership existed on a past month end (aggregate audiences get only those)."""
    from django_scopes import scope

    from kim.core.models import Membership

    with scope(municipality=soest):
        Membership.objects.update(created_at="2020-01-01T00:00:00Z")


def test_admin_sees_exact_figures_and_steering_the_protected_ones(personas, demo_data,
                                                                  members_since_2020):
    url = "/soest/reports/users_by_role/?as_of=2025-12-31&format=json"
    detail = json.loads(personas["admin"].client().get(url).content)
    aggregate = json.loads(personas["steering"].client().get(url).content)
    by_role = {r["code"]: r["members"] for r in detail["rows"]}
    assert by_role == {"admin": 1, "benefits": 4, "caseworker": 10, "coordinator": 1,
                       "housing": 1,  # the deactivated membership is not counted
                       "provider": 1, "school_office": 1, "steering": 1,
                       "volunteer_coordinator": 1}
    assert list(detail["rows"][0]) == ["role", "code", "members"]
    assert detail["totals"] == {"members": 21} and detail["suppressed"] is False
    shown = {r["code"]: r["members"] for r in aggregate["rows"]}
    assert shown["caseworker"] == 10
    assert shown["benefits"] == "x"  # smallest other non-zero cell of the column
    assert shown["steering"] == "<3"
    assert aggregate["totals"] == {"members": 21} and aggregate["suppressed"] is True


def test_as_of_counts_only_memberships_existing_then(personas, demo_data):
    url = "/soest/reports/users_by_role/?as_of=2000-01-01&format=json"
    data = json.loads(personas["admin"].client().get(url).content)
    assert data["totals"] == {"members": 0}
    assert data["as_of"] == "2000-01-01"


def test_html_page_has_table_date_form_and_download_links(personas, members_since_2020):
    page = personas["steering"].client().get(
        "/soest/reports/users_by_role/?as_of=2025-12-31").content.decode()
    assert '<table class="report-table">' in page and '<th scope="col">' in page
    # the aggregate audience chooses among month ends
    assert '<select name="as_of"' in page
    assert '<option value="2025-12-31" selected>31.12.2025</option>' in page
    for fmt in ("csv", "xlsx", "pdf", "json"):
        assert f'href="?as_of=2025-12-31&amp;format={fmt}"' in page
    assert "&lt;3" in page  # one member per role in Soest: all small
    assert 'href="/soest/reports/"' in page  # the navigation entry


def test_bad_date_shows_a_field_error_not_a_500(personas):
    for query in ("as_of=2026-02-30", "as_of=gestern", "as_of=2026-02-30&format=csv",
                  "as_of=9999-12-31", "as_of=1800-01-01&format=json"):
        response = personas["steering"].client().get(f"/soest/reports/users_by_role/?{query}")
        assert response.status_code == 200
        page = response.content.decode()
        assert 'class="errorlist' in page and "report-table" not in page


def test_downloads_have_file_names_and_types(personas):
    client = personas["admin"].client()
    response = client.get("/soest/reports/users_by_role/?as_of=2026-01-31&format=xlsx")
    assert response["Content-Disposition"] == (
        'attachment; filename="users_by_role_soest_2026-01-31.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == len(DEFAULT_ROLES) + 2  # header, one row per role, totals
    csv_response = client.get("/soest/reports/users_by_role/?as_of=2026-01-31&format=csv")
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("persona", ["admin", "steering"])
def test_report_view_queries_do_not_grow(personas, soest, demo_report, persona):
    client = personas[persona].client()
    urls = ["/soest/reports/", "/soest/reports/users_by_role/",
            "/soest/reports/users_by_role/?format=json"]
    small = {url: count_queries(client, url) for url in urls}
    add_members(soest, "caseworker", 30, 5, prefix="more")
    add_members(soest, "benefits", 12, prefix="bens")
    large = {url: count_queries(client, url) for url in urls}
    assert large == small
    assert small["/soest/reports/users_by_role/"] <= 8
