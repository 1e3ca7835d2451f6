"""Invariants of the engine on generated facts (hypothesis), legal-rules.md §1/§2.2:
decisions are deterministic and explained, and they change exactly as `upcoming` says."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kim.rules import FIELD_CATALOGUE, STATUS_CODES, UPCOMING_FIELDS, evaluate, evaluate_point
from kim.rules.dates import add_years

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CITIZENSHIPS = [
    "SY",
    "AF",
    "IQ",
    "ER",
    "SO",
    "IR",
    "ET",
    "TR",
    "AL",
    "RS",
    "XK",
    "GE",
    "MD",
    "UA",
    "RO",
    "NG",
    "XX",
]
COMMON = [
    "asylum_seeker",
    "gestattung",
    "gestattung",
    "duldung",
    "refugee",
    "subsidiary",
    "temporary_protection",
    "humanitarian_25_5",
]
DICT_DECISIONS = ("benefits", "integration_course", "employment", "residence_obligation")


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


@st.composite
def facts_objects(draw: st.DrawFn) -> dict[str, Any]:
    first = draw(st.dates(date(2013, 1, 1), date(2026, 12, 31)))
    starts = [first]
    for _ in range(draw(st.integers(0, 3))):
        starts.append(starts[-1] + timedelta(days=draw(st.integers(0, 1300))))
    codes = [draw(st.sampled_from(COMMON) | st.sampled_from(STATUS_CODES)) for _ in starts]
    as_of = first + timedelta(days=draw(st.integers(0, 2500)))
    birth = draw(
        st.one_of(
            st.dates(date(1940, 1, 1), date(1966, 12, 31)),
            st.dates(first - timedelta(days=365 * 20), first),
        )
    )
    birth_raw = draw(
        st.sampled_from([birth.isoformat(), birth.isoformat()[:7], birth.isoformat()[:4]])
    )
    near = st.dates(first - timedelta(days=400), first + timedelta(days=900))
    return {
        "as_of": as_of.isoformat(),
        "person": {
            "birth_date": birth_raw,
            "citizenships": draw(st.lists(st.sampled_from(CITIZENSHIPS), min_size=1, max_size=2)),
            "entry_date": _iso(draw(st.none() | st.dates(first - timedelta(days=400), first))),
            "asylum_application_date": _iso(draw(st.none() | near)),
            "assignment_date": _iso(draw(st.none() | near)),
            "lives_in_reception_centre": draw(st.booleans()),
            "unaccompanied_minor": draw(st.booleans()),
            "analog_benefits_since": _iso(draw(st.none() | st.none() | near)),
            "residence_obligation_exception": draw(st.booleans()),
            "statuses": [
                {"code": c, "from": s.isoformat()} for c, s in zip(codes, starts, strict=True)
            ],
        },
    }


def _at(facts: dict[str, Any], day: date) -> dict[str, Any]:
    return {**facts, "as_of": day.isoformat()}


def _values(result: dict[str, Any]) -> dict[str, Any]:
    """The decision values `upcoming` may announce."""
    values = {}
    for field in UPCOMING_FIELDS:
        node: Any = result
        for part in field.split("."):
            node = node[part]
        values[field] = node
    return values


def _horizon(as_of: str) -> date:
    return add_years(date.fromisoformat(as_of), 3)


@SETTINGS
@given(facts_objects())
def test_deterministic_and_json(facts):
    first = evaluate(facts)
    assert evaluate(json.loads(json.dumps(facts))) == first
    assert json.loads(json.dumps(first)) == first


@SETTINGS
@given(facts_objects())
def test_every_decision_is_explained_and_catalogued(facts):
    result = evaluate(facts)
    explained = [result[key] for key in DICT_DECISIONS] + list(result["explanations"].values())
    for decision in explained:
        assert isinstance(decision["basis"], str)
        assert decision["basis"].strip()
        assert all(isinstance(ref, str) and ref for ref in decision["params"])
    for field, values in FIELD_CATALOGUE.items():
        node: Any = result
        for part in ("status.code" if field == "status" else field).split("."):
            node = node[part]
        if field == "integration_course.note":
            assert node is None or node["code"] in values
        else:
            assert node in values


@SETTINGS
@given(facts_objects())
def test_upcoming_is_sorted_after_as_of_and_within_three_years(facts):
    result = evaluate(facts)
    as_of = date.fromisoformat(result["as_of"])
    dates = [date.fromisoformat(entry["date"]) for entry in result["upcoming"]]
    assert dates == sorted(dates)
    assert all(as_of < d <= _horizon(result["as_of"]) for d in dates)
    assert all(entry["field"] in UPCOMING_FIELDS for entry in result["upcoming"])
    state = _values(result)
    for entry in result["upcoming"]:  # each entry is a real change
        assert state[entry["field"]] != entry["value"]
        state[entry["field"]] = entry["value"]


@SETTINGS
@given(facts_objects(), st.data())
def test_no_change_before_the_first_upcoming_date(facts, data):
    result = evaluate(facts)
    as_of = date.fromisoformat(result["as_of"])
    end = _horizon(result["as_of"])
    if result["upcoming"]:
        end = date.fromisoformat(result["upcoming"][0]["date"]) - timedelta(days=1)
    if end <= as_of:
        return
    day = data.draw(st.dates(as_of + timedelta(days=1), end))
    assert _values(evaluate(_at(facts, day))) == _values(result)


@SETTINGS
@given(facts_objects())
def test_evaluating_at_an_upcoming_date_gives_the_announced_value(facts):
    for entry in evaluate(facts)["upcoming"]:
        later = evaluate(_at(facts, date.fromisoformat(entry["date"])))
        assert _values(later)[entry["field"]] == entry["value"]


@SETTINGS
@given(facts_objects(), st.data())
def test_the_time_line_follows_upcoming(facts, data):
    result = evaluate(facts)
    as_of = date.fromisoformat(result["as_of"])
    days = data.draw(
        st.lists(
            st.dates(as_of + timedelta(days=1), _horizon(result["as_of"])), min_size=1, max_size=4
        )
    )
    for day in days:
        expected = _values(result)
        for entry in result["upcoming"]:
            if date.fromisoformat(entry["date"]) <= day:
                expected[entry["field"]] = entry["value"]
        assert _values(evaluate(_at(facts, day))) == expected


@SETTINGS
@given(facts_objects())
def test_since_is_the_first_day_of_the_regime(facts):
    result = evaluate(facts)
    since = result["benefits"]["since"]
    regime = result["benefits"]["regime"]
    if since is None:
        assert regime == "not_applicable"
        return
    assert since <= result["as_of"]
    if facts["person"]["analog_benefits_since"] is not None and regime == "asylblg_analog":
        return
    first_status = facts["person"]["statuses"][0]["from"]
    assert since >= first_status
    assert evaluate(_at(facts, date.fromisoformat(since)))["benefits"]["regime"] == regime
    if since > first_status:
        day_before = date.fromisoformat(since) - timedelta(days=1)
        assert evaluate(_at(facts, day_before))["benefits"]["regime"] != regime


@SETTINGS
@given(facts_objects())
def test_point_evaluation_agrees_with_the_full_one(facts: dict[str, Any]) -> None:
    """The reports' cheap entry point gives exactly the full engine's values."""
    full = evaluate(facts)
    expected = (full["benefits"]["regime"], full["housing_category"], full["own_flat"])
    assert evaluate_point(facts) == expected
