"""Date helpers, parameter tables and the field catalogue."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from kim.rules import DEFAULT_PARAMS, FIELD_CATALOGUE, evaluate, field_catalogue
from kim.rules.countries import ISO_ALPHA2
from kim.rules.dates import (
    add_months,
    add_years,
    first_of_next_month,
    month_end,
    month_start,
    months_between,
    reach_age,
)
from kim.rules.params import Waiting
from kim.rules.tables import At, Row, Table

D = date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2022, 10, 1), 36, D(2025, 10, 1)),
        (D(2022, 8, 31), 18, D(2024, 2, 29)),
        (D(2021, 8, 31), 18, D(2023, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 12, 15), 1, D(2025, 1, 15)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
    ],
)
def test_add_months_clamps_to_month_end(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("birth", "months", "expected"),
    [
        (D(2016, 3, 10), 36, D(2019, 3, 10)),
        (D(2016, 2, 29), 12, D(2017, 3, 1)),
        (D(2016, 2, 29), 48, D(2020, 2, 29)),
        (D(1950, 3, 1), 72, D(1956, 3, 1)),
        (D(2016, 1, 31), 1, D(2016, 3, 1)),
        (D(1950, 2, 1), 784, D(2015, 6, 1)),
    ],
)
def test_reach_age_german_counting(birth, months, expected):
    assert reach_age(birth, months) == expected


@pytest.mark.parametrize("years", [-19, -3, -1, 1, 3, 4, 65])
def test_add_years_is_add_months_of_whole_years(years):
    day = D(2015, 1, 1)  # six years, two leap days
    while day < D(2021, 1, 1):
        assert add_years(day, years) == add_months(day, 12 * years)
        day += timedelta(days=1)
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)


def test_first_of_next_month():
    assert first_of_next_month(D(2024, 12, 10)) == D(2025, 1, 1)
    assert first_of_next_month(D(2024, 2, 29)) == D(2024, 3, 1)


@pytest.mark.parametrize(
    ("day", "start", "end"),
    [
        (D(2024, 2, 10), D(2024, 2, 1), D(2024, 2, 29)),
        (D(2023, 2, 28), D(2023, 2, 1), D(2023, 2, 28)),
        (D(2100, 2, 1), D(2100, 2, 1), D(2100, 2, 28)),
        (D(2024, 12, 31), D(2024, 12, 1), D(2024, 12, 31)),
        (D(2024, 4, 30), D(2024, 4, 1), D(2024, 4, 30)),
    ],
)
def test_month_start_and_end(day, start, end):
    assert (month_start(day), month_end(day)) == (start, end)


def test_months_between_inverts_add_months():
    assert months_between(D(2023, 11, 30), D(2025, 2, 1)) == 15
    assert months_between(D(2025, 2, 1), D(2023, 11, 30)) == -15
    for n in range(-30, 30):
        assert months_between(D(2024, 5, 17), add_months(D(2024, 5, 1), n)) == n


def test_table_lookup_records_the_next_boundary():
    table = Table(
        "t",
        [
            Row("a", None, D(2019, 8, 20), 15, "x"),
            Row("b", D(2019, 8, 21), D(2024, 2, 26), 18, "y"),
        ],
    )
    at = At(D(2019, 8, 20))
    assert table.at(at).id == "a"
    assert at.until == D(2019, 8, 21)
    late = At(D(2024, 2, 27))
    assert table.at(late) is None
    assert late.until == date.max


def test_overlapping_rows_are_rejected():
    with pytest.raises(ValueError, match="overlaps"):
        Table("t", [Row("a", None, D(2020, 1, 1), 1, "x"), Row("b", D(2020, 1, 1), None, 2, "y")])


def test_waiting_period_rows_cover_all_dates_without_gaps():
    rows = DEFAULT_PARAMS.asylblg_waiting.rows
    assert [(r.valid_from, r.valid_to, r.value.months) for r in rows] == [
        (None, D(2015, 2, 28), 15),
        (D(2015, 3, 1), D(2019, 8, 20), 15),
        (D(2019, 8, 21), D(2024, 2, 26), 18),
        (D(2024, 2, 27), None, 36),
    ]


def test_unconfirmed_rows_are_marked():
    marked = {
        row.id
        for table in (
            DEFAULT_PARAMS.good_prospect,
            DEFAULT_PARAMS.course_tolerated,
            DEFAULT_PARAMS.course_notes,
            DEFAULT_PARAMS.residence_temporary_protection,
        )
        for row in table
        if row.unconfirmed
    }
    assert marked == {
        "good_prospect@2016-08-01",
        "good_prospect@2019-08-01",
        "course.tolerated@2016-08-06",
        "course.note.admission_stop@2026-01-01",
        "residence_obligation.temporary_protection@2022-06-01",
    }


def test_safe_countries_of_origin():
    safe = DEFAULT_PARAMS.safe_origin
    assert safe["GE"].on(D(2023, 12, 22)) is None
    assert safe["GE"].on(D(2023, 12, 23)).value == D(2023, 8, 30)
    assert safe["AL"].on(D(2015, 10, 24)).value == D(2015, 8, 31)
    assert safe["GB"].on(D(2020, 2, 1)) is None
    assert "SY" not in safe


def test_a_new_law_is_a_new_row():
    """A hypothetical 12-month waiting period from 2026 changes decisions and `upcoming`."""
    rows = [*DEFAULT_PARAMS.asylblg_waiting.rows]
    rows[-1] = replace(rows[-1], valid_to=D(2025, 12, 31))
    rows.append(
        Row(
            "asylblg.waiting@2026-01-01",
            D(2026, 1, 1),
            None,
            Waiting(12, "§ 99 X"),
            "§ 2 AsylbLG (hypothetical)",
        )
    )
    params = replace(DEFAULT_PARAMS, asylblg_waiting=Table("asylblg.waiting", rows))
    facts = {
        "as_of": "2025-06-01",
        "person": {
            "birth_date": "1990-01-01",
            "citizenships": ["TR"],
            "entry_date": "2025-01-10",
            "statuses": [{"code": "gestattung", "from": "2025-01-10"}],
        },
    }
    assert {"date": "2026-01-10", "field": "benefits.regime", "value": "asylblg_analog"} not in (
        evaluate(facts)["upcoming"]
    )
    changed = evaluate(facts, params=params)
    assert {"date": "2026-01-10", "field": "benefits.regime", "value": "asylblg_analog"} in changed[
        "upcoming"
    ]


def test_field_catalogue():
    catalogue = field_catalogue()
    assert catalogue["benefits.regime"] == [
        "asylblg_basic",
        "asylblg_analog",
        "sgb2",
        "sgb12",
        "not_applicable",
    ]
    assert catalogue["residence_obligation.applies"] == [True, False]
    assert set(catalogue) == set(FIELD_CATALOGUE)
    assert len(catalogue["status"]) == 21


def test_iso_country_list():
    assert len(ISO_ALPHA2) == 249
    assert {"SY", "UA", "DE", "SS"} <= ISO_ALPHA2
