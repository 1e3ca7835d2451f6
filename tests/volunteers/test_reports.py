"""Reports of the volunteers module: exact figures for the coordinators, disclosure
control for the steering group, and retention of volunteers who left."""

import datetime
import json
from io import StringIO

from django.core.management import call_command
from django_scopes import scope

from kim.core.reports.registry import ReportParams
from kim.volunteers.models import Match, Volunteer
from kim.volunteers.reports import (
    active_matches,
    offers_by_category,
    requests_by_need,
    volunteers_by_group,
)
from tests.volunteers.conftest import request_for
from tests.volunteers.factories import MatchFactory, VolunteerFactory

DAY = datetime.date(2025, 3, 31)


def test_volunteers_by_group(pool):
    with scope(municipality=pool.municipality):
        VolunteerFactory(municipality=pool.municipality, left_on=datetime.date(2025, 2, 1))
        data = volunteers_by_group(pool.municipality, ReportParams(DAY))
    assert [(r["group"], r["volunteers"], r["pate"], r["lotse"]) for r in data.rows] == [
        ("Bildung", 2, 1, 0), ("kein Arbeitskreis", 1, 0, 0)]


def test_matches_and_requests_by_need(pool):
    served = request_for(pool, skill="homework", created_on=datetime.date(2025, 1, 5))
    request_for(pool, skill="homework", created_on=datetime.date(2025, 2, 5))
    request_for(pool, skill="", language="ar", created_on=datetime.date(2025, 3, 5))
    with scope(municipality=pool.municipality):
        MatchFactory(request=served, volunteer=pool.bernd, state=Match.State.ACTIVE,
                     started_on=datetime.date(2025, 1, 20))
        matches = active_matches(pool.municipality, ReportParams(DAY))
        requests = requests_by_need(pool.municipality, ReportParams(
            DAY, period_start=datetime.date(2025, 1, 1)))
        offers = offers_by_category(pool.municipality, ReportParams(DAY))
    assert [r for r in matches.rows if r["matches"]] == [
        {"need_code": "homework", "need": "Hausaufgabenhilfe", "matches": 1}]
    assert matches.totals == {"matches": 1}
    assert [(r["need_code"], r["received"], r["served"], r["not_served"])
            for r in requests.rows if r["received"]] == [("homework", 2, 1, 1), ("-", 1, 0, 1)]
    assert requests.totals == {"received": 3, "served": 1, "not_served": 2}
    assert [(r["category_code"], r["district"], r["offers"]) for r in offers.rows] == [
        ("sport", "ganze Stadt", 1), ("sport", "Süd", 1)]


def test_steering_gets_protected_aggregates(pool, personas):
    response = personas["steering"].client().get(
        "/soest/reports/volunteers_by_group/?as_of=2025-01-31&format=json")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["suppressed"] is True
    bildung = next(r for r in data["rows"] if r["group"] == "Bildung")
    assert bildung["volunteers"] == "<3"
    exact = personas["coordinator"].client().get(
        "/soest/reports/volunteers_by_group/?as_of=2025-01-31&format=json")
    assert next(r for r in json.loads(exact.content)["rows"]
                if r["group"] == "Bildung")["volunteers"] == 2


def test_retention_anonymises_volunteers_who_left(pool):
    with scope(municipality=pool.municipality):
        pool.amal.left_on = datetime.date(2020, 5, 1)
        pool.amal.save()
        MatchFactory(request=request_for(pool), volunteer=pool.amal, state=Match.State.ENDED,
                     ended_on=datetime.date(2020, 4, 30), end_reason="volunteer")
    call_command("retention", "run", "--municipality", "soest", stdout=StringIO())
    with scope(municipality=pool.municipality):
        amal = Volunteer.objects.get(pk=pool.amal.pk)
        assert (amal.first_name, amal.family_name, amal.email, amal.languages,
                amal.anonymised) == ("", "", "", {}, True)
        assert str(amal) == f"Ehemalige ehrenamtliche Person Nr. {amal.pk}"
        assert list(amal.working_groups.all()) == [pool.bildung]  # reports keep counting
        assert amal.matches.count() == 1
        assert not Volunteer.objects.get(pk=pool.bernd.pk).anonymised
