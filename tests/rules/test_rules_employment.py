"""§3.4 employment access, at the boundaries of each rule."""

from __future__ import annotations

from typing import Any

import pytest

GEST = "gestattung"

# procedure from 01.07.2015 (asylum request), formal application after 31.08.2015
SERBIAN_2015 = [("asylum_seeker", "2015-07-01"), (GEST, "2015-09-01")]
SERBIAN_APPLIED = {"cit": ["RS"], "applied": "2015-09-01"}

EMPLOYMENT: list[tuple[str, str, list[tuple[str, str]], dict[str, Any], str]] = [
    (
        "first 3 months of the procedure",
        "2024-04-09",
        [(GEST, "2024-01-10")],
        {"cit": ["TR"]},
        "banned",
    ),
    ("after 3 months", "2024-04-10", [(GEST, "2024-01-10")], {"cit": ["TR"]}, "permit_required"),
    (
        "procedure starts with the asylum request",
        "2024-04-01",
        [("asylum_seeker", "2024-01-01"), (GEST, "2024-01-20")],
        {"cit": ["TR"]},
        "permit_required",
    ),
    (
        "reception centre before 21.08.2019",
        "2019-08-20",
        [(GEST, "2018-10-01")],
        {"centre": True, "cit": ["TR"]},
        "banned",
    ),
    (
        "reception centre: 9 months from 21.08.2019",
        "2019-08-21",
        [(GEST, "2018-10-01")],
        {"centre": True, "cit": ["TR"]},
        "permit_required",
    ),
    (
        "reception centre: 9 months not over",
        "2024-02-26",
        [(GEST, "2023-09-01")],
        {"centre": True, "cit": ["TR"]},
        "banned",
    ),
    (
        "reception centre: 6 months from 27.02.2024, not over",
        "2024-02-29",
        [(GEST, "2023-09-01")],
        {"centre": True, "cit": ["TR"]},
        "banned",
    ),
    (
        "reception centre: 6 months over",
        "2024-03-01",
        [(GEST, "2023-09-01")],
        {"centre": True, "cit": ["TR"]},
        "permit_required",
    ),
    (
        "safe country, ban not yet in force",
        "2015-10-23",
        SERBIAN_2015,
        SERBIAN_APPLIED,
        "permit_required",
    ),
    ("safe country, ban from 24.10.2015", "2015-10-24", SERBIAN_2015, SERBIAN_APPLIED, "banned"),
    (
        "safe country, application up to 31.08.2015",
        "2016-01-01",
        [(GEST, "2015-08-31")],
        {"cit": ["AL"]},
        "permit_required",
    ),
    (
        "Georgia before it became safe",
        "2023-12-22",
        [(GEST, "2023-08-31")],
        {"cit": ["GE"]},
        "permit_required",
    ),
    (
        "Georgia safe from 23.12.2023",
        "2023-12-23",
        [(GEST, "2023-08-31")],
        {"cit": ["GE"]},
        "banned",
    ),
    (
        "§ 87d AsylG: Moldova, application by 30.08.2023",
        "2024-01-01",
        [(GEST, "2023-08-30")],
        {"cit": ["MD"]},
        "permit_required",
    ),
    (
        "EU national is from a safe country",
        "2024-06-01",
        [(GEST, "2024-01-10")],
        {"cit": ["RO"]},
        "banned",
    ),
    (
        "Duldung: 3 months from the first Gestattung",
        "2019-06-01",
        [(GEST, "2016-05-10"), ("duldung", "2019-02-01")],
        {"cit": ["AF"]},
        "permit_required",
    ),
    ("Duldung only: first 3 months", "2024-04-09", [("duldung", "2024-01-10")], {}, "banned"),
    (
        "Duldung only: after 3 months",
        "2024-04-10",
        [("duldung", "2024-01-10")],
        {},
        "permit_required",
    ),
    (
        "employment Duldung",
        "2024-06-01",
        [("duldung_employment", "2022-01-10")],
        {},
        "permit_required",
    ),
    (
        "safe-country Duldung (§ 60a Abs. 6)",
        "2018-09-30",
        [(GEST, "2016-01-20"), ("duldung", "2017-05-01")],
        {"cit": ["AL"]},
        "banned",
    ),
    ("unclear identity", "2024-06-01", [("duldung_unclear_identity", "2022-01-10")], {}, "banned"),
    ("departure required", "2024-06-01", [("departure_required", "2022-01-10")], {}, "banned"),
    ("refugee", "2024-06-01", [("refugee", "2022-01-10")], {}, "free"),
    ("§ 25 Abs. 5", "2024-06-01", [("humanitarian_25_5", "2022-01-10")], {}, "free"),
    ("settled", "2024-06-01", [("settled", "2022-01-10")], {}, "free"),
    ("EU citizen", "2024-06-01", [("eu_citizen", "2022-01-10")], {"cit": ["PL"]}, "free"),
    ("German", "2024-06-01", [("german", "2022-01-10")], {"cit": ["DE"]}, "free"),
]


@pytest.mark.parametrize(
    ("title", "as_of", "statuses", "kwargs", "expected"),
    EMPLOYMENT,
    ids=[case[0] for case in EMPLOYMENT],
)
def test_employment(decide, title, as_of, statuses, kwargs, expected):
    assert decide(as_of, statuses, **kwargs)["employment.access"] == expected


def test_employment_basis_follows_the_law_of_the_day(decide):
    assert decide("2019-06-01", [("refugee", "2018-01-10")])["employment.basis"] == (
        "§ 4 Abs. 2 AufenthG a.F."
    )
    assert decide("2020-03-01", [("refugee", "2018-01-10")])["employment.basis"] == (
        "§ 4a Abs. 1 AufenthG"
    )


def test_reception_centre_law_change_is_announced(decide):
    upcoming = decide("2019-08-01", [(GEST, "2018-10-01")], centre=True, cit=["TR"])["upcoming"]
    assert {
        "date": "2019-08-21",
        "field": "employment.access",
        "value": "permit_required",
    } in upcoming
