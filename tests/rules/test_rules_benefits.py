"""§3.1 benefit regime and §3.2 responsible office, at the boundaries of each rule."""

from __future__ import annotations

from typing import Any

import pytest

GEST_2022 = [("gestattung", "2022-10-05")]
RECOGNISED_APRIL = [("gestattung", "2022-10-05"), ("refugee", "2024-04-10")]

CASES: list[tuple[str, str, list[tuple[str, str]], dict[str, Any], dict[str, Any]]] = [
    # --- § 2 AsylbLG waiting period, day-exact from entry ---------------------------------
    (
        "36 months: day before",
        "2025-09-30",
        GEST_2022,
        {"entry": "2022-10-01"},
        {"benefits.regime": "asylblg_basic", "benefits.since": "2022-10-05"},
    ),
    (
        "36 months: the day",
        "2025-10-01",
        GEST_2022,
        {"entry": "2022-10-01"},
        {
            "benefits.regime": "asylblg_analog",
            "benefits.since": "2025-10-01",
            "responsible_office": "sozialamt",
        },
    ),
    (
        "2019 change: day before, 15 months not yet over",
        "2019-08-20",
        [("gestattung", "2018-06-05")],
        {"entry": "2018-06-01"},
        {"benefits.regime": "asylblg_basic"},
    ),
    (
        "2019 change: 18 months now",
        "2019-09-01",
        [("gestattung", "2018-06-05")],
        {"entry": "2018-06-01"},
        {"benefits.regime": "asylblg_basic"},
    ),
    (
        "2019 change: 18 months over",
        "2019-12-01",
        [("gestattung", "2018-06-05")],
        {"entry": "2018-06-01"},
        {"benefits.regime": "asylblg_analog", "benefits.since": "2019-12-01"},
    ),
    (
        "§ 15 AsylbLG: kept after 21.08.2019",
        "2019-08-21",
        [("gestattung", "2018-04-20")],
        {"entry": "2018-04-15"},
        {"benefits.regime": "asylblg_analog", "benefits.since": "2019-07-15"},
    ),
    (
        "§ 20 AsylbLG: kept after 27.02.2024",
        "2024-02-27",
        [("gestattung", "2022-06-10")],
        {"entry": "2022-06-01", "cit": ["AF"]},
        {"benefits.regime": "asylblg_analog", "benefits.since": "2023-12-01"},
    ),
    (
        "not kept: 18 months reached after 26.02.2024",
        "2024-03-01",
        [("gestattung", "2022-09-05")],
        {"entry": "2022-09-01"},
        {"benefits.regime": "asylblg_basic", "benefits.since": "2022-09-05"},
    ),
    (
        "18 months reached the day before the change",
        "2024-02-27",
        [("gestattung", "2022-08-30")],
        {"entry": "2022-08-26"},
        {"benefits.regime": "asylblg_analog", "benefits.since": "2024-02-26"},
    ),
    (
        "given analog_benefits_since before the change is kept",
        "2024-05-01",
        GEST_2022,
        {"entry": "2022-10-01", "analog": "2024-01-15"},
        {"benefits.regime": "asylblg_analog", "benefits.since": "2024-01-15"},
    ),
    (
        "given analog_benefits_since after the change is not kept",
        "2024-05-01",
        GEST_2022,
        {"entry": "2022-10-01", "analog": "2024-03-01"},
        {"benefits.regime": "asylblg_basic", "benefits.since": "2022-10-05"},
    ),
    (
        "before 01.03.2015: the 2015 rule",
        "2014-12-01",
        [("gestattung", "2013-06-05")],
        {"entry": "2013-06-01"},
        {"benefits.regime": "asylblg_analog", "benefits.since": "2014-09-01"},
    ),
    (
        "month-end entry: 31.08. + 18 months is 28.02., day before",
        "2023-02-27",
        [("gestattung", "2021-08-31")],
        {"entry": "2021-08-31"},
        {"benefits.regime": "asylblg_basic"},
    ),
    (
        "month-end entry: 31.08. + 18 months is 28.02.",
        "2023-02-28",
        [("gestattung", "2021-08-31")],
        {"entry": "2021-08-31"},
        {"benefits.regime": "asylblg_analog", "benefits.since": "2023-02-28"},
    ),
    # --- leaving AsylbLG: end of the month (§ 1 Abs. 3 AsylbLG) ---------------------------
    (
        "recognised 10.04.: AsylbLG to month end",
        "2024-04-30",
        RECOGNISED_APRIL,
        {},
        {
            "benefits.regime": "asylblg_basic",
            "benefits.basis": "§ 3 AsylbLG; § 1 Abs. 3 AsylbLG",
            "responsible_office": "sozialamt",
        },
    ),
    (
        "recognised 10.04.: SGB II from 01.05.",
        "2024-05-01",
        RECOGNISED_APRIL,
        {},
        {
            "benefits.regime": "sgb2",
            "benefits.since": "2024-05-01",
            "responsible_office": "jobcenter",
        },
    ),
    (
        "recognised on the 1st: AsylbLG to that month's end",
        "2024-05-31",
        [("gestattung", "2022-10-05"), ("refugee", "2024-05-01")],
        {},
        {"benefits.regime": "asylblg_basic"},
    ),
    (
        "recognised on the 1st: SGB II from the next month",
        "2024-06-01",
        [("gestattung", "2022-10-05"), ("refugee", "2024-05-01")],
        {},
        {"benefits.regime": "sgb2", "benefits.since": "2024-06-01"},
    ),
    (
        "recognised on the last day of the month",
        "2024-05-01",
        [("gestattung", "2022-10-05"), ("subsidiary", "2024-04-30")],
        {},
        {"benefits.regime": "sgb2", "benefits.since": "2024-05-01"},
    ),
    (
        "after a status outside benefit law: from the next status",
        "2023-06-01",
        [("settled", "2015-01-01"), ("refugee", "2023-05-10")],
        {},
        {"benefits.regime": "sgb2", "benefits.since": "2023-05-10"},
    ),
    (
        "never under AsylbLG: from the status start",
        "2023-06-01",
        [("admission_23", "2023-05-10")],
        {},
        {"benefits.regime": "sgb2", "benefits.since": "2023-05-10"},
    ),
    # --- § 24 AufenthG ----------------------------------------------------------------
    (
        "§ 24 until 31.05.2022 in AsylbLG",
        "2022-05-31",
        [("temporary_protection", "2022-03-20")],
        {"cit": ["UA"]},
        {"benefits.regime": "asylblg_basic", "benefits.since": "2022-03-20"},
    ),
    (
        "§ 24 from 01.06.2022 directly SGB II",
        "2022-06-01",
        [("temporary_protection", "2022-03-20")],
        {"cit": ["UA"]},
        {"benefits.regime": "sgb2", "benefits.since": "2022-06-01"},
    ),
    (
        "§ 24 granted after 01.06.2022",
        "2022-08-01",
        [("temporary_protection", "2022-07-10")],
        {"cit": ["UA"]},
        {"benefits.regime": "sgb2", "benefits.since": "2022-07-10"},
    ),
    (
        "§ 24 after a Gestattung: month end",
        "2022-07-31",
        [("gestattung", "2022-03-01"), ("temporary_protection", "2022-07-10")],
        {"cit": ["UA"]},
        {"benefits.regime": "asylblg_basic"},
    ),
    (
        "§ 24 after a Gestattung: next month",
        "2022-08-01",
        [("gestattung", "2022-03-01"), ("temporary_protection", "2022-07-10")],
        {"cit": ["UA"]},
        {"benefits.regime": "sgb2", "benefits.since": "2022-08-01"},
    ),
    # --- § 25 Abs. 5: AsylbLG while the first Duldung is less than 18 months ago ---------
    (
        "§ 25 Abs. 5: 18 months after the first Duldung, month end",
        "2021-09-30",
        [
            ("gestattung", "2019-01-05"),
            ("duldung", "2020-03-01"),
            ("humanitarian_25_5", "2021-01-15"),
        ],
        {"entry": "2019-01-01"},
        {"benefits.regime": "asylblg_analog"},
    ),
    (
        "§ 25 Abs. 5: SGB II the month after",
        "2021-10-01",
        [
            ("gestattung", "2019-01-05"),
            ("duldung", "2020-03-01"),
            ("humanitarian_25_5", "2021-01-15"),
        ],
        {"entry": "2019-01-01"},
        {"benefits.regime": "sgb2", "benefits.since": "2021-10-01"},
    ),
    (
        "§ 25 Abs. 5 without Duldung: counted from the status",
        "2022-07-31",
        [("humanitarian_25_5", "2021-01-15")],
        {},
        {"benefits.regime": "asylblg_analog", "benefits.since": "2022-07-15"},
    ),
    (
        "§ 25 Abs. 5 without Duldung: SGB II after",
        "2022-08-01",
        [("humanitarian_25_5", "2021-01-15")],
        {},
        {"benefits.regime": "sgb2", "benefits.since": "2022-08-01"},
    ),
    # --- retirement age (§ 7a SGB II) -------------------------------------------------
    (
        "born 1958: 66 years, day before",
        "2024-06-14",
        [("refugee", "2020-01-01")],
        {"birth": "1958-06-15"},
        {"benefits.regime": "sgb2"},
    ),
    (
        "born 1958: 66 years reached",
        "2024-06-15",
        [("refugee", "2020-01-01")],
        {"birth": "1958-06-15"},
        {
            "benefits.regime": "sgb12",
            "benefits.since": "2024-06-15",
            "responsible_office": "sozialamt_sgb12",
        },
    ),
    (
        "born 1946: 65 years",
        "2011-12-31",
        [("refugee", "2010-01-01")],
        {"birth": "1946-12-31"},
        {"benefits.regime": "sgb12"},
    ),
    (
        "born 1947: 65 years and 1 month, day before",
        "2012-01-31",
        [("refugee", "2010-01-01")],
        {"birth": "1947-01-01"},
        {"benefits.regime": "sgb2"},
    ),
    (
        "born 1947: 65 years and 1 month",
        "2012-02-01",
        [("refugee", "2010-01-01")],
        {"birth": "1947-01-01"},
        {"benefits.regime": "sgb12"},
    ),
    (
        "born 1959: 66 years and 2 months",
        "2025-07-10",
        [("refugee", "2020-01-01")],
        {"birth": "1959-05-10"},
        {"benefits.regime": "sgb12"},
    ),
    (
        "born 1963: 66 years and 10 months, day before",
        "2030-09-30",
        [("refugee", "2020-01-01")],
        {"birth": "1963-12-01"},
        {"benefits.regime": "sgb2"},
    ),
    (
        "born 1964: 67 years",
        "2031-01-01",
        [("refugee", "2020-01-01")],
        {"birth": "1964-01-01"},
        {"benefits.regime": "sgb12"},
    ),
    (
        "partial birth date 1964: 1 January",
        "2030-12-31",
        [("refugee", "2020-01-01")],
        {"birth": "1964"},
        {"benefits.regime": "sgb2"},
    ),
    # --- outside refugee benefit law and the office -------------------------------------
    (
        "settled",
        "2024-01-01",
        [("settled", "2020-01-01")],
        {},
        {"benefits.regime": "not_applicable", "benefits.since": None, "responsible_office": "none"},
    ),
    (
        "EU citizen",
        "2024-01-01",
        [("eu_citizen", "2020-01-01")],
        {"cit": ["PL"]},
        {"benefits.regime": "not_applicable", "responsible_office": "none"},
    ),
    (
        "Gestattung, Duldung, obliged to leave: one AsylbLG period, no run-out between",
        "2026-02-01",
        [
            ("gestattung", "2024-03-01"),
            ("duldung", "2025-06-15"),
            ("departure_required", "2026-01-20"),
        ],
        {},
        {"benefits.regime": "asylblg_basic", "benefits.since": "2024-03-01"},
    ),
    (
        "German",
        "2024-01-01",
        [("german", "2020-01-01")],
        {"cit": ["DE"]},
        {"benefits.regime": "not_applicable", "responsible_office": "none"},
    ),
    (
        "unaccompanied minor: Jugendamt",
        "2026-05-09",
        [("gestattung", "2024-01-10")],
        {"birth": "2008-05-10", "uma": True},
        {"benefits.regime": "asylblg_basic", "responsible_office": "jugendamt"},
    ),
    (
        "unaccompanied minor turns 18",
        "2026-05-10",
        [("gestattung", "2024-01-10")],
        {"birth": "2008-05-10", "uma": True},
        {"responsible_office": "sozialamt"},
    ),
]


@pytest.mark.parametrize(
    ("title", "as_of", "statuses", "kwargs", "expected"), CASES, ids=[case[0] for case in CASES]
)
def test_benefits(decide, title, as_of, statuses, kwargs, expected):
    decisions = decide(as_of, statuses, **kwargs)
    assert {key: decisions[key] for key in expected} == expected


def test_basis_names_the_grandfathering_clause(decide):
    kept_2019 = decide("2019-08-21", [("gestattung", "2018-04-20")], entry="2018-04-15")
    kept_2024 = decide("2024-02-27", [("gestattung", "2022-06-10")], entry="2022-06-01")
    assert "§ 15 AsylbLG" in kept_2019["benefits.basis"]
    assert "§ 20 AsylbLG" in kept_2024["benefits.basis"]
    assert kept_2024["benefits.params"] == ["asylblg.waiting@2024-02-27"]


def test_basis_says_the_2015_rule_was_applied_before_march_2015(decide):
    decisions = decide("2014-12-01", [("gestattung", "2013-06-05")], entry="2013-06-01")
    assert decisions["benefits.params"] == ["asylblg.waiting@pre-2015"]
    assert "out of scope" in decisions["benefits.basis"]
