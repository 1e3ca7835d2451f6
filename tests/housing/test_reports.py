"""The reports `occupancy` and `refugees_over_time`, detail and aggregate."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django_scopes import scope

from kim.core.reports.registry import ReportParams, reports
from kim.core.reports.service import Audience, produce
from kim.housing.domain.series import half_year_ends
from kim.housing.reports import occupancy, refugees_over_time
from tests.housing.factories import (
    FacilityFactory,
    PersonFactory,
    PlaceFactory,
    StateCountFactory,
    StatusFactory,
    StayFactory,
    UnitFactory,
)

D = datetime.date


@pytest.fixture
def town(soest):
    """Phase I: 10 places (1 blocked), 4 residents from 2024-01-10, one of them recognised;
    a closed Phase II house (no residents), a state facility 300 → 0."""
    with scope(municipality=soest):
        unit = UnitFactory(facility=FacilityFactory(municipality=soest, code="P1",
                                                    name="Erstaufnahme"))
        places = [PlaceFactory(unit=unit, label=str(i)) for i in range(10)]
        places[9].blocked = True
        places[9].save()
        UnitFactory(facility=FacilityFactory(municipality=soest, code="OLD", kind="phase2",
                                             active=False))
        for i in range(4):
            person = PersonFactory(municipality=soest)
            StatusFactory(person=person, code="gestattung", valid_from=D(2023, 10, 1))
            if i == 0:
                StatusFactory(person=person, code="refugee", valid_from=D(2024, 3, 1))
            StayFactory(place=places[i], person=person, start=D(2024, 1, 10),
                        end=D(2025, 1, 10) if i == 3 else None)
        state = FacilityFactory(municipality=soest, code="ZUE", kind="state")
        StateCountFactory(facility=state, date=D(2024, 1, 1), persons=300)
        StateCountFactory(facility=state, date=D(2024, 9, 1), persons=0)


def test_occupancy_rows_and_totals(soest, in_soest, town):
    data = occupancy(soest, ReportParams(D(2024, 6, 30)))
    assert data.rows == [{"facility": "Erstaufnahme", "code": "P1",
                          "kind": "Phase I – central reception", "capacity": 10, "occupied": 4,
                          "free": 5, "blocked": 1, "rate": 44.4, "fehlbeleger": 1}]
    assert data.totals == {"capacity": 10, "occupied": 4, "free": 5, "blocked": 1,
                           "fehlbeleger": 1, "rate": 44.4}


def test_occupancy_for_an_aggregate_audience_hides_small_counts(soest, in_soest, town):
    result = produce(reports.get("occupancy"), soest, D(2025, 2, 1),
                     audience=Audience.AGGREGATE)
    row = result.rows[0]
    # 3 occupied, 6 free, 1 blocked: the blocked "<3" would follow from the row sum, so
    # disclosure control hides a second cell; the rate goes with the hidden counts.
    assert row["blocked"] == "<3" and row["fehlbeleger"] == "<3"
    assert row["rate"] == "x" and result.suppressed
    assert "x" in (row["occupied"], row["free"], row["capacity"])


def test_half_year_ends():
    assert half_year_ends(D(2015, 5, 1), D(2016, 9, 30)) == [
        D(2015, 6, 30), D(2015, 12, 31), D(2016, 6, 30), D(2016, 9, 30)]
    assert half_year_ends(D(2015, 7, 1), D(2015, 12, 31)) == [D(2015, 12, 31)]
    assert len(half_year_ends(D(2000, 1, 1), D(2024, 6, 30))) == 21


def test_refugees_over_time(soest, in_soest, town):
    data = refugees_over_time(soest, ReportParams(D(2025, 3, 31)))
    assert data.rows == [
        {"period": "06/2024", "date": "2024-06-30", "total": 304, "municipal": 4, "state": 300},
        {"period": "12/2024", "date": "2024-12-31", "total": 4, "municipal": 4, "state": 0},
        {"period": "03/2025", "date": "2025-03-31", "total": 3, "municipal": 3, "state": 0}]
    assert refugees_over_time(soest, ReportParams(D(2023, 12, 31))).rows == []


def test_command_json(soest, town):
    out = io.StringIO()
    call_command("report", "occupancy", "--municipality", "soest", "--as-of", "2024-06-30",
                 "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert (data["report"], data["as_of"], data["suppressed"]) == ("occupancy", "2024-06-30",
                                                                   False)
    assert data["totals"]["occupied"] == 4
    out = io.StringIO()
    call_command("report", "refugees_over_time", "--municipality", "soest", "--as-of",
                 "2024-12-31", "--format", "csv", stdout=out)
    assert out.getvalue().count("\r\n") == 3  # header and two half-years
