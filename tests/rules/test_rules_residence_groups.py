"""§3.5 residence obligation and §3.10 target group / housing category."""

from __future__ import annotations

from typing import Any

import pytest

GEST = "gestattung"
Case = tuple[str, str, list[tuple[str, str]], dict[str, Any], dict[str, Any]]

RESIDENCE: list[Case] = [
    (
        "status from 01.01.2016",
        "2016-09-01",
        [("refugee", "2016-01-01")],
        {},
        {"residence_obligation.applies": True, "residence_obligation.last_day": "2018-12-31"},
    ),
    (
        "status before 2016 (§ 12a Abs. 7)",
        "2016-09-01",
        [("refugee", "2015-12-31")],
        {},
        {"residence_obligation.applies": False, "residence_obligation.last_day": None},
    ),
    (
        "last day",
        "2019-10-31",
        [(GEST, "2016-02-10"), ("refugee", "2016-11-01")],
        {},
        {"residence_obligation.applies": True, "residence_obligation.last_day": "2019-10-31"},
    ),
    (
        "day after the last day",
        "2019-11-01",
        [(GEST, "2016-02-10"), ("refugee", "2016-11-01")],
        {},
        {"residence_obligation.applies": False, "residence_obligation.last_day": None},
    ),
    (
        "start on 29.02.: + 3 years clamps to 28.02., minus one day",
        "2017-01-01",
        [("subsidiary", "2016-02-29")],
        {},
        {"residence_obligation.last_day": "2019-02-27"},
    ),
    (
        "exception § 12a Abs. 1 S. 2",
        "2024-06-01",
        [("refugee", "2024-01-10")],
        {"exception": True},
        {"residence_obligation.applies": False, "residence_obligation.last_day": None},
    ),
    (
        "deportation ban",
        "2024-06-01",
        [("deportation_ban", "2024-01-10")],
        {},
        {"residence_obligation.applies": True, "residence_obligation.last_day": "2027-01-09"},
    ),
    (
        "admission programme",
        "2024-06-01",
        [("admission_23", "2024-01-10")],
        {},
        {"residence_obligation.applies": True},
    ),
    (
        "Gestattung: no obligation",
        "2024-06-01",
        [(GEST, "2024-01-10")],
        {},
        {"residence_obligation.applies": False},
    ),
    (
        "§ 24 before 01.06.2022",
        "2022-05-31",
        [("temporary_protection", "2022-03-20")],
        {"cit": ["UA"]},
        {"residence_obligation.applies": False},
    ),
    (
        "§ 24 from 01.06.2022 (U)",
        "2022-06-01",
        [("temporary_protection", "2022-03-20")],
        {"cit": ["UA"]},
        {"residence_obligation.applies": True, "residence_obligation.last_day": "2025-03-19"},
    ),
]

GROUPS: list[Case] = [
    (
        "recognised: secure / placeable",
        "2024-06-01",
        [("refugee", "2024-01-10")],
        {},
        {"target_group": "secure", "housing_category": "placeable"},
    ),
    (
        "Gestattung, good prospect",
        "2024-06-01",
        [(GEST, "2024-01-10")],
        {"cit": ["AF"]},
        {"target_group": "likely_secure", "housing_category": "placeable"},
    ),
    (
        "Gestattung, other country",
        "2024-06-01",
        [(GEST, "2024-01-10")],
        {"cit": ["IQ"]},
        {"target_group": "unlikely", "housing_category": "not_yet_placeable"},
    ),
    (
        "Gestattung, safe country",
        "2024-06-01",
        [(GEST, "2024-01-10")],
        {"cit": ["AL"]},
        {"target_group": "unlikely", "housing_category": "not_placeable"},
    ),
    (
        "Georgia the day before it became safe",
        "2023-12-22",
        [(GEST, "2023-06-10")],
        {"cit": ["GE"]},
        {"housing_category": "not_yet_placeable"},
    ),
    (
        "Georgia safe from 23.12.2023",
        "2023-12-23",
        [(GEST, "2023-06-10")],
        {"cit": ["GE"]},
        {"housing_category": "not_placeable"},
    ),
    (
        "asylum seeker, good prospect",
        "2024-06-01",
        [("asylum_seeker", "2024-05-20")],
        {"cit": ["SY"]},
        {"target_group": "likely_secure", "housing_category": "not_yet_placeable"},
    ),
    (
        "Duldung",
        "2024-06-01",
        [("duldung", "2024-01-10")],
        {},
        {"target_group": "unlikely", "housing_category": "not_placeable"},
    ),
    (
        "departure required",
        "2024-06-01",
        [("departure_required", "2024-01-10")],
        {},
        {"target_group": "unlikely", "housing_category": "not_placeable"},
    ),
    (
        "settled",
        "2024-06-01",
        [("settled", "2024-01-10")],
        {},
        {"target_group": "secure", "housing_category": "not_applicable"},
    ),
    (
        "EU citizen",
        "2024-06-01",
        [("eu_citizen", "2024-01-10")],
        {"cit": ["IT"]},
        {"target_group": "eu_citizen", "housing_category": "not_applicable"},
    ),
    (
        "German",
        "2024-06-01",
        [("german", "2024-01-10")],
        {"cit": ["DE"]},
        {"target_group": "other", "housing_category": "not_applicable"},
    ),
    (
        "no good-prospect list before 24.10.2015",
        "2015-10-01",
        [(GEST, "2015-09-10")],
        {},
        {"target_group": "unlikely"},
    ),
]


@pytest.mark.parametrize(
    ("title", "as_of", "statuses", "kwargs", "expected"),
    RESIDENCE + GROUPS,
    ids=[case[0] for case in RESIDENCE + GROUPS],
)
def test_rule(decide, title, as_of, statuses, kwargs, expected):
    decisions = decide(as_of, statuses, **kwargs)
    assert {key: decisions[key] for key in expected} == expected
