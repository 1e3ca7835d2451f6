"""§3.6 Kita claim and §3.7 NRW school duty: birthdays, 30 September, 31 July."""

from __future__ import annotations

from typing import Any

import pytest

GEST = "gestattung"
Case = tuple[str, str, list[tuple[str, str]], dict[str, Any], dict[str, Any]]

CHILDCARE: list[Case] = [
    (
        "under 1",
        "2024-05-09",
        [("refugee", "2023-06-01")],
        {"birth": "2023-05-10"},
        {"childcare": "conditional", "schooling": "not_yet"},
    ),
    (
        "1st birthday",
        "2024-05-10",
        [("refugee", "2023-06-01")],
        {"birth": "2023-05-10"},
        {"childcare": "u3"},
    ),
    (
        "day before the 3rd birthday",
        "2026-05-09",
        [("refugee", "2023-06-01")],
        {"birth": "2023-05-10"},
        {"childcare": "u3"},
    ),
    (
        "3rd birthday",
        "2026-05-10",
        [("refugee", "2023-06-01")],
        {"birth": "2023-05-10"},
        {"childcare": "ue3"},
    ),
    (
        "born 29.02.: 1st birthday is 01.03.",
        "2017-02-28",
        [("refugee", "2016-03-01")],
        {"birth": "2016-02-29"},
        {"childcare": "conditional"},
    ),
    (
        "born 29.02.: 1 year on 01.03.",
        "2017-03-01",
        [("refugee", "2016-03-01")],
        {"birth": "2016-02-29"},
        {"childcare": "u3"},
    ),
    (
        "no U3 claim before 01.08.2013",
        "2013-07-31",
        [("refugee", "2012-02-01")],
        {"birth": "2012-01-15"},
        {"childcare": "none"},
    ),
    (
        "U3 claim from 01.08.2013",
        "2013-08-01",
        [("refugee", "2012-02-01")],
        {"birth": "2012-01-15"},
        {"childcare": "u3"},
    ),
    (
        "partial birth date YYYY: 1 January",
        "2017-01-01",
        [("refugee", "2016-03-01")],
        {"birth": "2016"},
        {"childcare": "u3"},
    ),
    (
        "partial birth date YYYY-MM: day before the 1st",
        "2017-09-30",
        [("refugee", "2016-10-10")],
        {"birth": "2016-10"},
        {"childcare": "conditional"},
    ),
    (
        "partial birth date YYYY-MM: the 1st",
        "2017-10-01",
        [("refugee", "2016-10-10")],
        {"birth": "2016-10"},
        {"childcare": "u3"},
    ),
]

SCHOOL: list[Case] = [
    (
        "6 on 30.09.: day before school",
        "2018-07-31",
        [("refugee", "2016-01-10")],
        {"birth": "2012-09-30"},
        {"schooling": "not_yet", "childcare": "ue3"},
    ),
    (
        "6 on 30.09.: school from 01.08.",
        "2018-08-01",
        [("refugee", "2016-01-10")],
        {"birth": "2012-09-30"},
        {"schooling": "full_time", "childcare": "none"},
    ),
    (
        "6 on 01.10.: a year later",
        "2018-08-01",
        [("refugee", "2016-01-10")],
        {"birth": "2012-10-01"},
        {"schooling": "not_yet", "childcare": "ue3"},
    ),
    (
        "6 on 01.10.: school 01.08. next year",
        "2019-08-01",
        [("refugee", "2016-01-10")],
        {"birth": "2012-10-01"},
        {"schooling": "full_time"},
    ),
    (
        "partial birth date 2016-10: school 2023",
        "2022-08-01",
        [("refugee", "2016-10-10")],
        {"birth": "2016-10"},
        {"schooling": "not_yet"},
    ),
    (
        "10 full-time years end 31.07.",
        "2028-07-31",
        [("refugee", "2016-01-10")],
        {"birth": "2012-09-30"},
        {"schooling": "full_time"},
    ),
    (
        "vocational from 01.08.",
        "2028-08-01",
        [("refugee", "2016-01-10")],
        {"birth": "2012-09-30"},
        {"schooling": "vocational"},
    ),
    (
        "18th year completed 29.09.2030: duty to 31.07.2031",
        "2031-07-31",
        [("refugee", "2016-01-10")],
        {"birth": "2012-09-30"},
        {"schooling": "vocational"},
    ),
    (
        "... none from 01.08.2031",
        "2031-08-01",
        [("refugee", "2016-01-10")],
        {"birth": "2012-09-30"},
        {"schooling": "none"},
    ),
    (
        "born 01.08.: 18th year completed 31.07., duty ends that day",
        "2030-08-01",
        [("refugee", "2016-01-10")],
        {"birth": "2012-08-01"},
        {"schooling": "none"},
    ),
    (
        "born 01.08.: still vocational on 31.07.",
        "2030-07-31",
        [("refugee", "2016-01-10")],
        {"birth": "2012-08-01"},
        {"schooling": "vocational"},
    ),
    (
        "born 02.08.: one more school year",
        "2030-08-01",
        [("refugee", "2016-01-10")],
        {"birth": "2012-08-02"},
        {"schooling": "vocational"},
    ),
    (
        "asylum-seeking child before assignment",
        "2018-10-14",
        [(GEST, "2018-09-05")],
        {"birth": "2012-01-15", "assigned": "2018-10-15", "cit": ["IQ"]},
        {"schooling": "not_assigned"},
    ),
    (
        "assigned to the municipality",
        "2018-10-15",
        [(GEST, "2018-09-05")],
        {"birth": "2012-01-15", "assigned": "2018-10-15", "cit": ["IQ"]},
        {"schooling": "full_time"},
    ),
    (
        "assigned but still in the reception centre",
        "2018-11-01",
        [(GEST, "2018-09-05")],
        {"birth": "2012-01-15", "assigned": "2018-10-15", "centre": True, "cit": ["IQ"]},
        {"schooling": "not_assigned"},
    ),
    (
        "toddler in a reception centre: not yet",
        "2018-11-01",
        [(GEST, "2018-09-05")],
        {"birth": "2016-01-15", "centre": True},
        {"schooling": "not_yet"},
    ),
    (
        "adult",
        "2018-11-01",
        [(GEST, "2018-09-05")],
        {"birth": "1990-01-15", "centre": True},
        {"schooling": "none", "childcare": "none"},
    ),
]


@pytest.mark.parametrize(
    ("title", "as_of", "statuses", "kwargs", "expected"),
    CHILDCARE + SCHOOL,
    ids=[case[0] for case in CHILDCARE + SCHOOL],
)
def test_rule(decide, title, as_of, statuses, kwargs, expected):
    decisions = decide(as_of, statuses, **kwargs)
    assert {key: decisions[key] for key in expected} == expected


def test_child_timeline_is_announced(decide):
    upcoming = decide(
        "2016-02-01", [("refugee", "2016-01-10")], birth="2015-03-10", exception=True
    )["upcoming"]
    assert [e for e in upcoming if e["field"] in ("childcare", "schooling")] == [
        {"date": "2016-03-10", "field": "childcare", "value": "u3"},
        {"date": "2018-03-10", "field": "childcare", "value": "ue3"},
    ]


def test_school_start_and_assignment_are_announced(decide):
    upcoming = decide(
        "2018-09-30", [(GEST, "2018-09-05")], birth="2012-10-01", assigned="2018-10-15", cit=["IQ"]
    )["upcoming"]
    assert [e for e in upcoming if e["field"] in ("childcare", "schooling")] == [
        {"date": "2019-08-01", "field": "childcare", "value": "none"},
        {"date": "2019-08-01", "field": "schooling", "value": "full_time"},
    ]
