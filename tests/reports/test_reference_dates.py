"""Disclosure control over time: aggregate-only audiences get reports for reference dates
only (finding: "steering compares benefit_recipients on 2019-01-24 and 2019-01-25 and
learns one person's asylum rejection that day")."""

from __future__ import annotations

import datetime
import io
import json
from dataclasses import replace

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_scopes import scope

from kim.core.reports import dates
from kim.core.reports.registry import reports
from tests.people.factories import PersonFactory, StatusFactory
from tests.reports.conftest import DEMO_REPORT

D = datetime.date


@pytest.fixture
def rejected_on_25th(soest):
    """Two asylum seekers; one of them is rejected (Duldung) on 25 January 2019."""
    with scope(municipality=soest):
        for name in ("Eins", "Zwei"):
            person = PersonFactory(municipality=soest, family_name=name,
                                   assignment_date=D(2018, 3, 1))
            StatusFactory(person=person, code="gestattung", valid_from=D(2018, 3, 1))
        StatusFactory(person=person, code="duldung", valid_from=D(2019, 1, 25))


def report_json(client, name, **query):
    response = client.get(f"/soest/reports/{name}/", {**query, "format": "json"})
    return response.status_code, response


def test_steering_cannot_difference_two_consecutive_days(personas, rejected_on_25th):
    client = personas["steering"].client()
    for day in ("2019-01-24", "2019-01-25"):
        status, response = report_json(client, "benefit_recipients", as_of=day)
        page = response.content.decode()
        assert status == 200 and "report-table" not in page and "{" not in page[:1]
        assert "nur für vergangene Monatsenden" in page
    status, response = report_json(client, "benefit_recipients", as_of="2019-01-31")
    data = json.loads(response.content)
    assert data["as_of"] == "2019-01-31" and data["suppressed"] is True


def test_detail_audiences_keep_any_date(personas, rejected_on_25th):
    client = personas["benefits"].client()
    totals = {}
    for day in ("2019-01-24", "2019-01-25"):
        data = json.loads(report_json(client, "benefit_recipients", as_of=day)[1].content)
        totals[day] = {r["status_code"]: r["total"] for r in data["rows"]}
    assert totals["2019-01-24"] == {"gestattung": 2, "duldung": 0, "other": 0}
    assert totals["2019-01-25"] == {"gestattung": 1, "duldung": 1, "other": 0}


def test_the_form_offers_month_ends_and_defaults_to_the_last_one(personas):
    page = personas["steering"].client().get("/soest/reports/users_by_role/",
                                             {"as_of": ""}).content.decode()
    latest = dates.latest_reference_date(timezone.localdate())
    assert '<select name="as_of"' in page
    assert f'<option value="{latest.isoformat()}">{latest:%d.%m.%Y}</option>' in page
    assert f'href="?as_of={latest.isoformat()}&amp;format=csv"' in page
    detail = personas["admin"].client().get("/soest/reports/users_by_role/",
                                            {"as_of": ""}).content.decode()
    assert 'type="date"' in detail and '<select name="as_of"' not in detail


def test_the_current_month_end_is_refused_until_the_month_is_over(personas):
    end = dates.month_end(timezone.localdate())
    status, response = report_json(personas["steering"].client(), "users_by_role",
                                   as_of=end.isoformat())
    assert "report-table" not in response.content.decode()


def run(*args):
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_command_refuses_other_dates_for_aggregates(personas, rejected_on_25th):
    with pytest.raises(CommandError) as err:
        run("benefit_recipients", "--municipality", "soest", "--as-of", "2019-01-24",
            "--aggregate")
    assert str(err.value) == (
        "--as-of 2019-01-24: Aggregate reports are available for past month ends only "
        "(e.g. 31.01.2019): reports of any two days could be compared to learn about "
        "single persons.")
    data = json.loads(run("benefit_recipients", "--municipality", "soest", "--as-of",
                          "2019-01-31", "--aggregate"))
    assert data["as_of"] == "2019-01-31"
    latest = dates.latest_reference_date(timezone.localdate())
    assert json.loads(run("benefit_recipients", "--municipality", "soest",
                          "--aggregate"))["as_of"] == latest.isoformat()
    # the detail version keeps any date
    assert json.loads(run("benefit_recipients", "--municipality", "soest", "--as-of",
                          "2019-01-24"))["as_of"] == "2019-01-24"


def test_command_error_is_one_line_on_stderr(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from django.conf import settings

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
           "PYTHONPATH": str(root), "KIM_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "kim"), "report", "users_by_role",
         "--municipality", "soest", "--as-of", "2019-01-24", "--aggregate"],
        capture_output=True, text=True, env=env, cwd=root, timeout=120)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "CommandError: --as-of 2019-01-24: Aggregate reports are available for past month "
        "ends only (e.g. 31.01.2019): reports of any two days could be compared to learn "
        "about single persons."]


@pytest.fixture
def period_report():
    report = replace(DEMO_REPORT, name="members_period", params=("as_of", "period"))
    reports.register(report)
    yield report
    reports.unregister(report.name)


@pytest.mark.parametrize(("start", "end", "allowed"), [
    ("2019-04-01", "2019-04-30", True),   # a month
    ("2019-04-01", "2019-06-30", True),   # a quarter
    ("2019-01-01", "2019-12-31", True),   # a calendar year
    ("2019-02-01", "2019-04-30", False),  # three months, not a quarter
    ("2018-07-01", "2019-06-30", False),  # twelve months, not a calendar year
    ("2019-04-02", "2019-04-30", False),  # not from the first day
    ("2019-01-01", "2019-06-30", False),  # a half-year: not offered
])
def test_periods_for_aggregates_are_whole_months_quarters_or_years(personas, period_report,
                                                                   start, end, allowed):
    page = personas["steering"].client().get(
        "/soest/reports/members_period/", {"period_start": start, "as_of": end}).content.decode()
    assert ("report-table" in page) is allowed
    if not allowed:
        assert "ganzer Monat, ein Kalenderquartal oder ein Kalenderjahr" in page
    detail = personas["admin"].client().get(
        "/soest/reports/members_period/", {"period_start": start, "as_of": end})
    assert "report-table" in detail.content.decode()  # detail audiences: any period


def test_reference_date_rules():
    today = D(2026, 3, 15)
    assert dates.latest_reference_date(today) == D(2026, 2, 28)
    assert dates.reference_dates(today)[:3] == [D(2026, 2, 28), D(2026, 1, 31), D(2025, 12, 31)]
    assert len(dates.reference_dates(today)) == 12 * dates.CHOICE_YEARS
    assert dates.is_reference_date(D(2024, 2, 29), today)
    assert not dates.is_reference_date(D(2024, 2, 28), today)
    assert not dates.is_reference_date(D(2026, 3, 31), today)  # the month is not over
    assert not dates.is_reference_date(D(2026, 3, 31), D(2026, 3, 31))
    assert dates.is_reference_date(D(2026, 3, 31), D(2026, 4, 1))
    assert dates.aggregate_date_error(D(2019, 1, 24), None, today)[0] == "as_of"
    assert dates.aggregate_date_error(D(2019, 3, 31), D(2019, 2, 1), today)[0] == "period_start"
    assert dates.aggregate_date_error(D(2019, 3, 31), D(2019, 1, 1), today) is None
