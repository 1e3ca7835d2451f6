"""Facts validation (legal-rules.md §2.1): every problem names its field path."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from kim.rules import FactsError, evaluate, parse_facts

BASE: dict[str, Any] = {
    "as_of": "2024-04-20",
    "person": {
        "birth_date": "1990-03-01",
        "citizenships": ["SY"],
        "entry_date": "2022-10-01",
        "asylum_application_date": "2022-10-05",
        "assignment_date": "2023-01-15",
        "lives_in_reception_centre": False,
        "unaccompanied_minor": False,
        "analog_benefits_since": None,
        "residence_obligation_exception": False,
        "statuses": [
            {"code": "gestattung", "from": "2022-10-05"},
            {"code": "refugee", "from": "2024-04-10"},
        ],
    },
}


def _with(path: str, value: Any, base: dict[str, Any] = BASE) -> dict[str, Any]:
    """A copy of ``base`` with the value at a dotted path replaced (``...`` deletes it)."""
    facts = copy.deepcopy(base)
    *parents, last = path.split(".")
    node: Any = facts
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    key: Any = int(last) if last.isdigit() else last
    if value is ...:
        del node[key]
    else:
        node[key] = value
    return facts


INVALID = [
    ("as_of", "2024-13-01", "as_of: not a date 'YYYY-MM-DD': '2024-13-01'"),
    ("as_of", ..., "as_of: required"),
    ("as_of", "20240420", "as_of: not a date 'YYYY-MM-DD': '20240420'"),
    ("as_of", "2022-10-04", "as_of: before the first status (2022-10-05): '2022-10-04'"),
    ("person", ..., "person: required"),
    ("person", [], "person: expected an object, got list"),
    (
        "person.statuses.1.from",
        "2024-13-01",
        "person.statuses[1].from: not a date 'YYYY-MM-DD': '2024-13-01'",
    ),
    (
        "person.statuses.1.from",
        "2022-01-01",
        "person.statuses[1].from: before the previous status's start 2022-10-05: '2022-01-01'",
    ),
    ("person.statuses.1.from", ..., "person.statuses[1].from: required"),
    (
        "person.statuses.0.code",
        "recognised",
        "person.statuses[0].code: unknown status code: 'recognised'",
    ),
    ("person.statuses.0.code", ..., "person.statuses[0].code: required"),
    ("person.statuses.0", "gestattung", "person.statuses[0]: expected an object, got string"),
    ("person.statuses", [], "person.statuses: expected a non-empty list of statuses"),
    ("person.statuses", ..., "person.statuses: required"),
    (
        "person.birth_date",
        "1990-02-30",
        "person.birth_date: not a date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': '1990-02-30'",
    ),
    (
        "person.birth_date",
        "1990-13",
        "person.birth_date: not a date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': '1990-13'",
    ),
    (
        "person.birth_date",
        "90",
        "person.birth_date: not a date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': '90'",
    ),
    (
        "person.birth_date",
        1990,
        "person.birth_date: not a date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': 1990",
    ),
    ("person.birth_date", "2025", "person.birth_date: after as_of 2024-04-20: '2025'"),
    ("person.birth_date", ..., "person.birth_date: required"),
    (
        "person.citizenships.0",
        "sy",
        "person.citizenships[0]: not an ISO 3166-1 alpha-2 code or 'XX': 'sy'",
    ),
    (
        "person.citizenships.0",
        "UK",
        "person.citizenships[0]: not an ISO 3166-1 alpha-2 code or 'XX': 'UK'",
    ),
    (
        "person.citizenships",
        [],
        "person.citizenships: expected a non-empty list of ISO 3166-1 alpha-2 codes "
        "('XX' for stateless/unknown)",
    ),
    ("person.citizenships", ..., "person.citizenships: required"),
    ("person.entry_date", "2022-10", "person.entry_date: not a date 'YYYY-MM-DD': '2022-10'"),
    (
        "person.analog_benefits_since",
        "soon",
        "person.analog_benefits_since: not a date 'YYYY-MM-DD': 'soon'",
    ),
    (
        "person.lives_in_reception_centre",
        "no",
        "person.lives_in_reception_centre: expected true or false: 'no'",
    ),
    ("person.unaccompanied_minor", 1, "person.unaccompanied_minor: expected true or false: 1"),
    ("person.entry_date", "1899-12-31", "person.entry_date: date outside 1900-2199: '1899-12-31'"),
]


@pytest.mark.parametrize(
    ("path", "value", "message"), INVALID, ids=[f"{p}={v!r}" for p, v, _ in INVALID]
)
def test_invalid_facts_name_the_field(path, value, message):
    with pytest.raises(FactsError) as raised:
        evaluate(_with(path, value))
    assert str(raised.value) == message
    assert isinstance(raised.value, ValueError)


def test_not_an_object():
    with pytest.raises(FactsError, match=r"^facts: expected an object, got list$"):
        evaluate([])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1990", ("1990-01-01", "year")),
        ("1990-07", ("1990-07-01", "month")),
        ("1990-07-15", ("1990-07-15", "day")),
    ],
)
def test_partial_birth_dates(raw, expected):
    person = parse_facts(_with("person.birth_date", raw)).person
    assert (person.birth_date.isoformat(), person.birth_precision) == expected


VALID_VARIANTS = [
    (
        "optional fields missing",
        [
            ("person.entry_date", ...),
            ("person.assignment_date", ...),
            ("person.analog_benefits_since", ...),
            ("person.lives_in_reception_centre", ...),
        ],
    ),
    ("optional fields null", [("person.entry_date", None), ("person.unaccompanied_minor", None)]),
    ("stateless", [("person.citizenships", ["XX"])]),
    ("Kosovo and a second citizenship", [("person.citizenships", ["XK", "RS"])]),
    ("two statuses on one day", [("person.statuses.1.from", "2022-10-05")]),
    ("unknown keys are ignored", [("person.nickname", "Sami")]),
]


@pytest.mark.parametrize(
    ("title", "changes"), VALID_VARIANTS, ids=[title for title, _ in VALID_VARIANTS]
)
def test_valid_variants(title, changes):
    facts = BASE
    for path, value in changes:
        facts = _with(path, value, facts)
    assert evaluate(facts)["as_of"] == "2024-04-20"


def test_missing_entry_date_counts_from_the_earliest_known_date():
    facts = _with("person.entry_date", None)
    facts["as_of"] = "2025-10-05"
    facts["person"]["statuses"] = [{"code": "gestattung", "from": "2022-10-05"}]
    decisions = evaluate(facts)
    assert decisions["benefits"] == {
        "regime": "asylblg_analog",
        "since": "2025-10-05",
        "basis": "§ 2 Abs. 1 AsylbLG (RückführungsverbesserungsG); § 1 Abs. 1 Nr. 1 AsylbLG",
        "params": ["asylblg.waiting@2024-02-27"],
    }
