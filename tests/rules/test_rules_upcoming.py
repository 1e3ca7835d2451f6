"""`upcoming` (legal-rules.md §2.2): changes by law, waiting periods, ages, future statuses."""

from __future__ import annotations

import pytest

UPCOMING_CASES = [
    (
        "law change of 2019 delays the analogue start",
        "2019-08-01",
        [("gestattung", "2018-06-05")],
        {"entry": "2018-06-01"},
        [{"date": "2019-12-01", "field": "benefits.regime", "value": "asylblg_analog"}],
    ),
    (
        "2024 change: not grandfathered, 36 months",
        "2024-02-01",
        [("gestattung", "2022-09-05")],
        {"entry": "2022-09-01"},
        [{"date": "2025-09-01", "field": "benefits.regime", "value": "asylblg_analog"}],
    ),
    (
        "§ 24 switch announced",
        "2022-04-01",
        [("temporary_protection", "2022-03-20")],
        {"cit": ["UA"]},
        [
            {"date": "2022-06-01", "field": "benefits.regime", "value": "sgb2"},
            {"date": "2022-06-01", "field": "responsible_office", "value": "jobcenter"},
            {"date": "2022-06-01", "field": "residence_obligation.applies", "value": True},
            {"date": "2025-03-20", "field": "residence_obligation.applies", "value": False},
        ],
    ),
    (
        "retirement announced",
        "2024-01-01",
        [("refugee", "2020-01-01")],
        {"birth": "1958-06-15", "exception": True},
        [
            {"date": "2024-06-15", "field": "benefits.regime", "value": "sgb12"},
            {"date": "2024-06-15", "field": "responsible_office", "value": "sozialamt_sgb12"},
        ],
    ),
    (
        "UMA turns 18",
        "2026-01-01",
        [("gestattung", "2024-01-10")],
        {"birth": "2008-05-10", "uma": True, "entry": "2024-01-10"},
        [
            {"date": "2026-05-10", "field": "responsible_office", "value": "sozialamt"},
            {"date": "2026-08-01", "field": "schooling", "value": "none"},
            {"date": "2027-01-10", "field": "benefits.regime", "value": "asylblg_analog"},
        ],
    ),
    (
        "a future status in the facts is announced",
        "2024-04-01",
        [("gestattung", "2022-10-05"), ("refugee", "2024-04-10")],
        {"birth": "2000-01-01"},
        [
            {"date": "2024-04-10", "field": "employment.access", "value": "free"},
            {"date": "2024-04-10", "field": "integration_course.access", "value": "entitled"},
            {"date": "2024-04-10", "field": "residence_obligation.applies", "value": True},
            {"date": "2024-05-01", "field": "benefits.regime", "value": "sgb2"},
            {"date": "2024-05-01", "field": "responsible_office", "value": "jobcenter"},
            {"date": "2025-04-10", "field": "integration_course.access", "value": "admissible"},
        ],
    ),
]


@pytest.mark.parametrize(
    ("title", "as_of", "statuses", "kwargs", "expected"),
    UPCOMING_CASES,
    ids=[case[0] for case in UPCOMING_CASES],
)
def test_upcoming(decide, title, as_of, statuses, kwargs, expected):
    assert decide(as_of, statuses, **kwargs)["upcoming"] == expected
