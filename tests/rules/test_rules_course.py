"""§3.3 integration course access, at the boundaries of each rule."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from kim.rules import DEFAULT_PARAMS, evaluate
from kim.rules.tables import Row, Table

GEST = "gestattung"
COURSE: list[tuple[str, str, list[tuple[str, str]], dict[str, Any], dict[str, Any]]] = [
    (
        "entitled: last day of the year",
        "2025-04-09",
        [(GEST, "2022-10-05"), ("refugee", "2024-04-10")],
        {},
        {
            "integration_course.access": "entitled",
            "integration_course.entitled_until": "2025-04-09",
        },
    ),
    (
        "entitlement expired: admissible",
        "2025-04-10",
        [(GEST, "2022-10-05"), ("refugee", "2024-04-10")],
        {},
        {"integration_course.access": "admissible", "integration_course.entitled_until": None},
    ),
    (
        "permit before 06.08.2016: 2 years",
        "2018-02-28",
        [("subsidiary", "2016-03-01")],
        {},
        {
            "integration_course.access": "entitled",
            "integration_course.entitled_until": "2018-02-28",
        },
    ),
    (
        "permit before 06.08.2016: expired after 2 years",
        "2018-03-01",
        [("subsidiary", "2016-03-01")],
        {},
        {"integration_course.access": "admissible"},
    ),
    (
        "permit on 06.08.2016: 1 year",
        "2016-09-01",
        [("asylum_granted", "2016-08-06")],
        {},
        {"integration_course.entitled_until": "2017-08-05"},
    ),
    (
        "admission programme entitled",
        "2024-01-01",
        [("admission_23", "2023-06-01")],
        {},
        {"integration_course.access": "entitled"},
    ),
    (
        "Gestattung before 24.10.2015",
        "2015-10-23",
        [(GEST, "2015-09-01")],
        {},
        {"integration_course.access": "not_eligible"},
    ),
    (
        "Gestattung, good prospect, from 24.10.2015",
        "2015-10-24",
        [(GEST, "2015-09-01")],
        {},
        {"integration_course.access": "admissible"},
    ),
    (
        "Iraq still on the list 31.07.2019",
        "2019-07-31",
        [(GEST, "2019-01-10")],
        {"cit": ["IQ"]},
        {"integration_course.access": "admissible", "target_group": "likely_secure"},
    ),
    (
        "Iraq off the list 01.08.2019 (U)",
        "2019-08-01",
        [(GEST, "2019-01-10")],
        {"cit": ["IQ"]},
        {"integration_course.access": "not_eligible", "target_group": "unlikely"},
    ),
    (
        "Afghanistan 16.01.2022",
        "2022-01-16",
        [(GEST, "2021-06-01")],
        {"cit": ["AF"]},
        {"integration_course.access": "not_eligible"},
    ),
    (
        "Afghanistan from 17.01.2022",
        "2022-01-17",
        [(GEST, "2021-06-01")],
        {"cit": ["AF"]},
        {"integration_course.access": "admissible"},
    ),
    (
        "no good prospect 30.12.2022",
        "2022-12-30",
        [(GEST, "2022-06-01")],
        {"cit": ["TR"]},
        {"integration_course.access": "not_eligible"},
    ),
    (
        "every Gestattung from 31.12.2022",
        "2022-12-31",
        [(GEST, "2022-06-01")],
        {"cit": ["TR"]},
        {"integration_course.access": "admissible"},
    ),
    (
        "asylum seeker like Gestattung",
        "2023-02-01",
        [("asylum_seeker", "2023-01-20")],
        {"cit": ["TR"]},
        {"integration_course.access": "admissible"},
    ),
    (
        "Ermessensduldung before 06.08.2016",
        "2016-08-05",
        [("duldung_discretionary", "2016-01-01")],
        {},
        {"integration_course.access": "not_eligible"},
    ),
    (
        "Ermessensduldung from 06.08.2016 (U)",
        "2016-08-06",
        [("duldung_discretionary", "2016-01-01")],
        {},
        {"integration_course.access": "admissible"},
    ),
    (
        "§ 25 Abs. 5 from 06.08.2016 (U)",
        "2017-01-01",
        [("humanitarian_25_5", "2016-01-01")],
        {},
        {"integration_course.access": "admissible"},
    ),
    (
        "Duldung not eligible",
        "2024-01-01",
        [("duldung", "2023-01-01")],
        {},
        {"integration_course.access": "not_eligible"},
    ),
    (
        "training Duldung not eligible",
        "2024-01-01",
        [("duldung_training", "2023-01-01")],
        {},
        {"integration_course.access": "not_eligible"},
    ),
    (
        "departure required not eligible",
        "2024-01-01",
        [("departure_required", "2023-01-01")],
        {},
        {"integration_course.access": "not_eligible"},
    ),
    (
        "§ 24 admissible",
        "2023-01-01",
        [("temporary_protection", "2022-03-20")],
        {"cit": ["UA"]},
        {"integration_course.access": "admissible"},
    ),
    (
        "deportation ban admissible",
        "2023-01-01",
        [("deportation_ban", "2022-03-20")],
        {},
        {"integration_course.access": "admissible"},
    ),
    (
        "war § 23 Abs. 1 admissible",
        "2023-01-01",
        [("war_23_1", "2022-03-20")],
        {},
        {"integration_course.access": "admissible"},
    ),
    (
        "§ 25 Abs. 4 admissible",
        "2023-01-01",
        [("humanitarian_25_4", "2022-03-20")],
        {},
        {"integration_course.access": "admissible"},
    ),
    (
        "§ 104c admissible",
        "2023-06-01",
        [("opportunity_104c", "2023-01-20")],
        {},
        {"integration_course.access": "admissible"},
    ),
    (
        "settled admissible",
        "2023-01-01",
        [("settled", "2020-01-01")],
        {},
        {"integration_course.access": "admissible"},
    ),
    (
        "EU citizen admissible",
        "2023-01-01",
        [("eu_citizen", "2020-01-01")],
        {"cit": ["RO"]},
        {"integration_course.access": "admissible"},
    ),
    (
        "German not applicable",
        "2023-01-01",
        [("german", "2020-01-01")],
        {"cit": ["DE"]},
        {"integration_course.access": "not_applicable"},
    ),
    (
        "refugee under 16 not eligible",
        "2024-06-01",
        [("refugee", "2024-05-01")],
        {"birth": "2009-03-10"},
        {"integration_course.access": "not_eligible"},
    ),
    (
        "16 but in vocational school duty",
        "2027-07-31",
        [("refugee", "2020-01-01")],
        {"birth": "2009-03-10"},
        {"integration_course.access": "not_eligible", "schooling": "vocational"},
    ),
    (
        "school duty ended",
        "2027-08-01",
        [("refugee", "2020-01-01")],
        {"birth": "2009-03-10"},
        {"integration_course.access": "admissible", "schooling": "none"},
    ),
    (
        "17, not assigned: not under school duty",
        "2024-06-01",
        [(GEST, "2024-01-10")],
        {"birth": "2007-03-10", "centre": True, "cit": ["TR"]},
        {"integration_course.access": "admissible", "schooling": "not_assigned"},
    ),
]


@pytest.mark.parametrize(
    ("title", "as_of", "statuses", "kwargs", "expected"), COURSE, ids=[case[0] for case in COURSE]
)
def test_integration_course(decide, title, as_of, statuses, kwargs, expected):
    decisions = decide(as_of, statuses, **kwargs)
    assert {key: decisions[key] for key in expected} == expected


def test_admission_stop_is_a_note_only(facts):
    admissible = evaluate(facts("2026-02-01", [(GEST, "2025-06-01")], cit=["TR"]))
    entitled = evaluate(facts("2026-02-01", [("refugee", "2025-06-01")]))
    assert admissible["integration_course"]["access"] == "admissible"
    assert admissible["integration_course"]["note"]["code"] == "bamf_admission_stop"
    assert admissible["integration_course"]["note"]["params"] == [
        "course.note.admission_stop@2026-01-01 (U)"
    ]
    assert entitled["integration_course"]["note"] is None
    before = evaluate(facts("2025-12-31", [(GEST, "2025-06-01")], cit=["TR"]))
    assert before["integration_course"]["note"] is None
    assert not any(e["field"] == "integration_course.access" for e in before["upcoming"])


def test_municipal_good_prospect_list_changes_target_group_not_the_course(facts):
    herne = Table(
        "good_prospect.herne",
        [
            Row(
                "good_prospect.herne@2017",
                None,
                None,
                frozenset({"SY", "IQ", "ER", "ET", "AF"}),
                "Herne 2017 list",
            ),
        ],
    )
    params = replace(DEFAULT_PARAMS, local_good_prospect=herne)
    ethiopian = facts("2017-06-01", [(GEST, "2017-01-10")], cit=["ET"])
    assert evaluate(ethiopian)["target_group"] == "unlikely"
    local = evaluate(ethiopian, params=params)
    assert local["target_group"] == "likely_secure"
    assert local["housing_category"] == "placeable"
    assert local["integration_course"]["access"] == "not_eligible"
