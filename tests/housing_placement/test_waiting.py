"""Private-housing waiting list: eligibility, priority order, explanations, JSON policy."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim.housing.placement import Reason
from kim.housing.waiting import (
    CriterionWeight,
    PriorityPolicy,
    WaitingEntry,
    eligibility,
    full_months,
    rank,
)

AS_OF = date(2024, 6, 15)
P = ("placeable",)


def entry(key, applied, size=3, cats=P, **kw):
    return WaitingEntry(key, date.fromisoformat(applied), size, cats, **kw)


@pytest.mark.parametrize(
    ("categories", "eligible", "category"),
    [
        (["placeable", "placeable"], True, "placeable"),
        (["placeable", "not_placeable"], True, "placeable"),  # household not split
        (["not_applicable", "placeable"], True, "placeable"),
        (["not_yet_placeable", "not_placeable"], False, "not_yet_placeable"),
        (["not_placeable", "not_applicable"], False, "not_placeable"),
        (["not_applicable"], True, "not_applicable"),
        ([], False, "unknown"),
    ],
)
def test_eligibility(categories, eligible, category):
    verdict = eligibility(categories)
    assert (verdict.eligible, verdict.category) == (eligible, category)


def test_eligibility_explains_and_rejects_unknown_values():
    assert eligibility(["placeable", "not_placeable"]).reason == Reason(
        "eligibility_placeable", {"placeable": 1, "members": 2}
    )
    with pytest.raises(ValueError, match="member 2: unknown housing_category 'maybe'"):
        eligibility(["placeable", "maybe"])


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        ("2024-01-15", "2024-06-15", 5),
        ("2024-01-16", "2024-06-15", 4),
        ("2023-12-31", "2024-02-29", 1),
        ("2024-06-15", "2024-06-15", 0),
        (None, "2024-06-15", 0),
        ("2025-01-01", "2024-06-15", 0),
    ],
)
def test_full_months(start, end, months):
    start_date = date.fromisoformat(start) if start else None
    assert full_months(start_date, date.fromisoformat(end)) == months


def test_points_order_with_per_criterion_explanation():
    policy = PriorityPolicy()
    entries = [
        entry("old", "2023-06-15", size=2),  # 12 months 120 + size 2
        entry("vuln", "2024-03-15", size=1, vulnerable=True),  # 30 + 3 months 30 + 1
        entry("phase1", "2024-02-15", phase1_since=date(2023, 10, 15)),  # 40 + 2 overdue 10 + 3
        entry("tolerated", "2020-01-01", cats=("not_placeable",)),
    ]
    ranked = rank(entries, policy, AS_OF)
    assert [(r.key, r.position) for r in ranked] == [
        ("old", 1),
        ("vuln", 2),
        ("phase1", 3),
        ("tolerated", None),
    ]
    assert [r.score for r in ranked[:3]] == [122, 61, 53]
    phase1 = ranked[2]
    by_name = {s.criterion: s for s in phase1.scores}
    assert (by_name["waiting_months"].value, by_name["waiting_months"].points) == (4, 40)
    assert (by_name["phase1_overdue_months"].value, by_name["phase1_overdue_months"].points) == (
        2,
        10,
    )
    assert by_name["household_size"].points == 3
    assert phase1.score == sum(s.points for s in phase1.scores) == 53
    assert ranked[3].eligibility.reason.code == "eligibility_not_placeable"


def test_cap_and_negative_weight():
    policy = PriorityPolicy(criteria=(CriterionWeight("household_size", -5, cap=4),))
    ranked = rank(
        [entry("big", "2024-01-01", size=9), entry("one", "2024-01-02", size=1)], policy, AS_OF
    )
    assert [r.key for r in ranked] == ["one", "big"]
    assert (ranked[1].scores[0].value, ranked[1].scores[0].counted, ranked[1].score) == (9, 4, -20)


def test_order_mode_is_lexicographic():
    policy = PriorityPolicy(
        mode="order",
        criteria=(CriterionWeight("vulnerability", 1), CriterionWeight("waiting_months", 1)),
    )
    entries = [entry("long", "2020-01-01"), entry("vuln", "2024-05-01", vulnerable=True)]
    assert [r.key for r in rank(entries, policy, AS_OF)] == ["vuln", "long"]
    assert [r.key for r in rank(entries, PriorityPolicy(), AS_OF)] == ["long", "vuln"]


def test_ties_broken_by_application_date_then_key_with_reason():
    policy = PriorityPolicy(criteria=(CriterionWeight("household_size", 1),))
    entries = [entry("b", "2024-01-01"), entry("c", "2023-12-01"), entry("a", "2024-01-01")]
    ranked = rank(entries, policy, AS_OF)
    assert [r.key for r in ranked] == ["c", "a", "b"]
    assert ranked[0].tie_break is None
    assert ranked[1].tie_break == Reason(
        "tie_applied_later", {"position": 1, "applied_on": "2024-01-01"}
    )
    assert ranked[2].tie_break == Reason("tie_key", {"position": 2})


def test_policy_json_round_trip():
    policy = PriorityPolicy(
        name="Soest 2024",
        mode="order",
        criteria=(
            CriterionWeight("phase1_months", 3, cap=12),
            CriterionWeight("household_size", -1),
        ),
    )
    text = policy.to_json()
    assert PriorityPolicy.from_json(text) == policy
    assert json.loads(text)["criteria"][0] == {"criterion": "phase1_months", "weight": 3, "cap": 12}
    assert PriorityPolicy.from_json(PriorityPolicy().to_json()) == PriorityPolicy()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ('{"criteria": [{"criterion": "luck", "weight": 1}]}', r"criteria\[0\].criterion: unknown"),
        ('{"criteria": [{"criterion": "vulnerability", "weight": "x"}]}', r"criteria\[0\].weight"),
        ('{"criteria": [{"criterion": "vulnerability", "weight": 1, "cap": -1}]}', "cap"),
        (
            '{"criteria": [{"criterion": "vulnerability", "weight": 1},'
            ' {"criterion": "vulnerability", "weight": 2}]}',
            r"criteria\[1\].criterion: .* twice",
        ),
        ('{"criteria": [{"weight": 2}]}', r"criteria\[0\]: criterion and weight"),
        ('{"mode": "lottery", "criteria": []}', "mode"),
        ('{"criteria": 3}', "criteria: a list"),
        ("{oops", "invalid JSON"),
    ],
)
def test_policy_validation_names_the_field(data, message):
    with pytest.raises(ValueError, match=message):
        PriorityPolicy.from_json(data)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 900),
            st.integers(1, 8),
            st.booleans(),
            st.sampled_from(["placeable", "not_yet_placeable"]),
        ),
        max_size=12,
    ),
    st.randoms(),
)
def test_order_is_total_stable_and_input_order_free(rows, rnd):
    entries = [
        entry(
            f"e{i}",
            "2022-01-01",
            size,
            (cat,),
            vulnerable=vuln,
            phase1_since=date.fromordinal(date(2022, 1, 1).toordinal() + days),
        )
        for i, (days, size, vuln, cat) in enumerate(rows)
    ]
    ranked = rank(entries, PriorityPolicy(), AS_OF)
    shuffled = entries[:]
    rnd.shuffle(shuffled)
    assert rank(shuffled, PriorityPolicy(), AS_OF) == ranked
    positions = [r.position for r in ranked if r.position is not None]
    assert positions == list(range(1, len(positions) + 1))
    scores = [r.score for r in ranked if r.position is not None]
    assert scores == sorted(scores, reverse=True)
    assert all(r.position is None for r in ranked[len(positions) :])
