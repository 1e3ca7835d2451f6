"""Forecast of expected assignments from the quota table and an inflow assumption."""

import datetime
from decimal import Decimal as D

from kim.quota.domain.forecast import forecast
from kim.quota.domain.obligation import Entry, compute
from kim.rules.dates import add_months

AS_OF = datetime.date(2018, 9, 30)


def _table():
    return compute([Entry("A", "Astadt", D("50"), 0, 0, 0),
                    Entry("B", "Bdorf", D("50"), 100, 0, 0)], AS_OF)


def test_the_lowest_quota_receives_until_it_catches_up_then_they_share():
    result = forecast(_table(), "A", datetime.date(2018, 10, 1), 3, 100, D("2.5"))
    assert [(f.month, f.assignments, f.cumulative, f.quota_percent) for f in result] == [
        (datetime.date(2018, 10, 1), 100, 100, D("100.00")),
        (datetime.date(2018, 11, 1), 50, 150, D("100.00")),
        (datetime.date(2018, 12, 1), 50, 200, D("100.00")),
    ]
    assert [(f.places, f.units) for f in result] == [(100, 40), (150, 60), (200, 80)]


def test_a_municipality_above_100_percent_receives_nothing():
    result = forecast(_table(), "B", datetime.date(2018, 10, 1), 1, 100, D("3"))
    assert (result[0].assignments, result[0].quota_percent, result[0].units) == (0, D("100.00"),
                                                                                 0)


def test_all_persons_are_distributed_on_a_larger_land():
    entries = [Entry(f"{i:03d}", f"G{i}", D(1) / 4, 100 + i, 0, 0) for i in range(400)]
    table = compute(entries, AS_OF)
    totals = [sum(f.assignments for f in forecast(table, e.ags, datetime.date(2018, 10, 1), 2,
                                                   1000, D("2.5")))
              for e in entries[:400]]
    assert sum(totals) == 2000


def test_unknown_municipality_or_no_months_gives_no_forecast():
    assert forecast(_table(), "Z", datetime.date(2018, 10, 1), 3, 100, D("2")) == []
    assert forecast(_table(), "A", datetime.date(2018, 10, 1), 0, 100, D("2")) == []


def test_add_month_crosses_the_year():
    assert add_months(datetime.date(2018, 12, 1), 1) == datetime.date(2019, 1, 1)
    assert add_months(datetime.date(2018, 1, 1), 13) == datetime.date(2019, 2, 1)
