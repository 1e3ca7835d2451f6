"""The occupancy trend report (issue 13 item 6: a chart where the report is a series):
occupied places at the last twelve month ends and their share of today's usable places."""

import datetime
import json
from io import StringIO

from django.core.management import call_command
from django_scopes import scope

from tests.housing.factories import FacilityFactory, PlaceFactory, StayFactory, UnitFactory

D = datetime.date


def test_occupied_places_at_each_month_end(soest, personas):
    with scope(municipality=soest):
        unit = UnitFactory(facility=FacilityFactory(municipality=soest, code="W"))
        places = [PlaceFactory(unit=unit) for _ in range(4)]
        places[3].blocked = True
        places[3].save()
        StayFactory(place=places[0], start=D(2024, 1, 15))  # open
        StayFactory(place=places[1], start=D(2024, 2, 10), end=D(2024, 3, 20))
        StayFactory(place=places[2], start=D(2024, 3, 31))  # moves in on the last day
    out = StringIO()
    call_command("report", "occupancy_trend", "--municipality", "soest", "--as-of",
                 "2024-03-31", "--format", "json", stdout=out)
    rows = json.loads(out.getvalue())["rows"]
    assert len(rows) == 12 and rows[0]["date"] == "2023-04-30"
    assert [(r["date"], r["occupied"], r["rate"]) for r in rows[-4:]] == [
        ("2023-12-31", 0, 0.0), ("2024-01-31", 1, 33.3), ("2024-02-29", 2, 66.7),
        ("2024-03-31", 2, 66.7)]  # 3 usable places (one blocked)
    page = personas["housing"].client().get("/soest/reports/occupancy_trend/",
                                            {"as_of": "2024-03-31"}).content.decode()
    assert "<svg" in page and "03/2024" in page  # the chart and its table
