"""The stored legal time line (kim.rules.timeline) and the engine parts the Django layer
asks instead of keeping its own rules: own-flat entitlement, AsylbLG statuses, school age,
local parameter tables and the parameter fingerprint."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from conftest import build_facts
from hypothesis import given
from hypothesis import strategies as st
from test_rules_properties import SETTINGS, facts_objects

from kim.rules import (
    DEFAULT_PARAMS,
    STATUS_CODES,
    TIMELINE_FIELDS,
    Decided,
    asylblg_statuses,
    entitles_own_flat,
    evaluate,
    evaluate_point,
    params_fingerprint,
    parse_person,
    schooling_by_age,
    timeline,
)
from kim.rules.codes import ASYLBLG_ALWAYS
from kim.rules.lists import GOOD_PROSPECT
from kim.rules.tables import Row, Table

D = date


def _expected(result: dict[str, Any]) -> Decided:
    return Decided(
        status=result["status"]["code"],
        regime=result["benefits"]["regime"],
        office=result["responsible_office"],
        course=result["integration_course"]["access"],
        employment=result["employment"]["access"],
        residence=result["residence_obligation"]["applies"],
        childcare=result["childcare"],
        schooling=result["schooling"],
        housing=result["housing_category"],
        own_flat=result["own_flat"],
    )


def _on(segments: list[Any], day: date) -> Decided | None:
    found = [s for s in segments if s.start <= day < s.end]
    assert len(found) == 1, (day, segments)
    decided: Decided | None = found[0].decided
    return decided


@SETTINGS
@given(facts_objects(), st.data())
def test_every_day_of_the_time_line_is_the_engines_decision(facts, data):
    person = parse_person(facts["person"])
    start = data.draw(st.dates(D(2012, 1, 1), D(2027, 12, 31)))
    end = start + timedelta(days=data.draw(st.integers(1, 365 * 9)))
    segments = timeline(person, start, end)
    assert segments[0].start == start and segments[-1].end == end
    assert all(a.end == b.start for a, b in zip(segments, segments[1:], strict=False))
    assert all(a.decided != b.decided for a, b in zip(segments, segments[1:], strict=False))
    first = max(person.status_starts[0], person.birth_date)
    days = data.draw(st.lists(st.dates(start, end - timedelta(days=1)), min_size=1, max_size=6))
    # the days a decision changes and the day before: where an error would show first
    days += [s.start for s in segments] + [s.start - timedelta(days=1) for s in segments[1:]]
    for day in days:
        decided = _on(segments, day)
        if day < first:
            assert decided is None
        else:
            assert decided == _expected(evaluate({**facts, "as_of": day.isoformat()}))
            assert entitles_own_flat(decided.status, day) is decided.own_flat


def test_a_recognised_refugee_in_segments():
    facts = build_facts(
        "2015-10-05",
        [("gestattung", "2015-10-05"), ("refugee", "2017-04-10")],
        entry="2015-10-01",
        assigned="2016-01-15",
    )
    segments = timeline(parse_person(facts["person"]), D(2015, 9, 1), D(2021, 1, 1))
    changes = [(s.start, s.decided and (s.decided.regime, s.decided.housing)) for s in segments]
    assert changes == [
        (D(2015, 9, 1), None),  # before the first status
        (D(2015, 10, 5), ("asylblg_basic", "not_yet_placeable")),
        (D(2015, 10, 24), ("asylblg_basic", "placeable")),  # SY on the good-prospect list
        (D(2016, 1, 5), ("asylblg_basic", "placeable")),  # employment: 3 months over
        (D(2017, 1, 1), ("asylblg_analog", "placeable")),  # 15 months since entry
        (D(2017, 4, 10), ("asylblg_analog", "placeable")),  # recognised
        (D(2017, 5, 1), ("sgb2", "placeable")),  # AsylbLG ran out with April
        (D(2018, 4, 10), ("sgb2", "placeable")),  # course entitlement ended
        (D(2020, 4, 10), ("sgb2", "placeable")),  # § 12a ended
    ]
    assert segments[-1].end == D(2021, 1, 1)
    assert segments[5].decided.own_flat and not segments[4].decided.own_flat
    assert TIMELINE_FIELDS[0] == "status" and len(TIMELINE_FIELDS) == 10


def test_empty_and_undecided_periods():
    person = parse_person(build_facts("2020-01-01", [("gestattung", "2020-01-01")])["person"])
    assert timeline(person, D(2020, 1, 1), D(2020, 1, 1)) == []
    only_before = timeline(person, D(2019, 1, 1), D(2019, 6, 1))
    assert [(s.start, s.end, s.decided) for s in only_before] == [
        (D(2019, 1, 1), D(2019, 6, 1), None)
    ]
    born_later = parse_person(
        build_facts("2021-01-01", [("gestattung", "2020-01-01")], birth="2020-06-15")["person"]
    )
    first = timeline(born_later, D(2020, 1, 1), D(2020, 12, 31))[:2]
    assert [(s.start, s.decided is None) for s in first] == [
        (D(2020, 1, 1), True),  # a status before the birth: nothing decided before it
        (D(2020, 6, 15), False),
    ]


@pytest.mark.parametrize(
    ("code", "entitled"),
    [
        ("gestattung", False),
        ("asylum_seeker", False),
        ("duldung", False),
        ("departure_required", False),
        ("refugee", True),
        ("temporary_protection", True),
        ("settled", True),
        ("german", True),
        ("eu_citizen", True),
    ],
)
def test_own_flat_needs_a_permit_or_a_status_outside_refugee_law(code, entitled):
    result = evaluate(build_facts("2024-01-01", [(code, "2023-01-01")]))
    assert result["own_flat"] is entitled
    assert result["explanations"]["own_flat"]["params"] == ["housing.own_flat"]
    assert evaluate_point(build_facts("2024-01-01", [(code, "2023-01-01")])).own_flat is entitled
    assert entitles_own_flat(code, D(2024, 1, 1)) is entitled


def test_a_placeable_gestattung_is_no_fehlbeleger():
    result = evaluate(build_facts("2018-01-01", [("gestattung", "2017-01-01")], cit=("SY",)))
    assert (result["housing_category"], result["own_flat"]) == ("placeable", False)


def test_asylblg_statuses_follow_the_tables():
    assert asylblg_statuses(D(2022, 5, 31)) == ASYLBLG_ALWAYS | {
        "temporary_protection",
        "humanitarian_25_5",
    }
    assert asylblg_statuses(D(2022, 6, 1)) == ASYLBLG_ALWAYS | {"humanitarian_25_5"}
    later = Table("asylblg.humanitarian_25_5", [Row("x", None, D(2023, 12, 31), 18, "test")])
    params = replace(DEFAULT_PARAMS, asylblg_25_5_months=later)
    assert "humanitarian_25_5" not in asylblg_statuses(D(2024, 1, 1), params)


def test_no_status_outside_asylblg_statuses_ever_gets_asylblg():
    for code in set(STATUS_CODES) - asylblg_statuses(D(2022, 5, 31)):
        for day in ("2016-01-01", "2022-05-31", "2024-06-01"):
            facts = build_facts(day, [(code, "2015-06-01")])
            assert not evaluate(facts)["benefits"]["regime"].startswith("asylblg"), code


@pytest.mark.parametrize(
    ("birth", "day", "expected"),
    [
        (D(2018, 9, 30), D(2024, 7, 31), "not_yet"),  # 6 by 30 Sept 2024: starts 1 Aug 2024
        (D(2018, 9, 30), D(2024, 8, 1), "full_time"),
        (D(2018, 10, 1), D(2024, 8, 1), "not_yet"),  # 6 after 30 Sept: one year later
        (D(2006, 5, 1), D(2024, 7, 31), "vocational"),  # 18 on 1 May 2024: until 31 July
        (D(2006, 5, 1), D(2024, 8, 1), "none"),
        (D(2006, 8, 1), D(2024, 7, 31), "vocational"),  # 18th year completed on 31 July
        (D(2006, 8, 1), D(2024, 8, 1), "none"),
        (D(2006, 8, 2), D(2025, 7, 31), "vocational"),
        (D(2030, 1, 1), D(2024, 1, 1), "not_yet"),  # not born yet
    ],
)
def test_schooling_by_age_is_the_schooling_decision(birth, day, expected):
    assert schooling_by_age(birth, day) == expected
    if birth <= day:
        facts = build_facts(day.isoformat(), [("refugee", birth.isoformat())], birth=str(birth))
        assert evaluate(facts)["schooling"] == expected


def test_a_local_list_replaces_the_statutory_one_only_in_its_period():
    herne = Row("herne.good_prospect@2017", D(2017, 1, 1), D(2017, 12, 31), frozenset({"ET"}), "x")
    table = GOOD_PROSPECT.overlaid([herne])
    before = table.on(D(2016, 12, 31))
    assert (before.id, before.valid_to) == ("good_prospect@2016-08-01", D(2016, 12, 31))
    assert table.on(D(2017, 6, 1)) == herne
    assert table.on(D(2018, 1, 1)).value == GOOD_PROSPECT.on(D(2018, 1, 1)).value
    assert table.on(D(2018, 1, 1)).valid_from == D(2018, 1, 1)
    assert table.on(D(2015, 10, 23)) is None  # the gap before the first row stays
    open_ended = GOOD_PROSPECT.overlaid([Row("own", D(2020, 1, 1), None, frozenset(), "x")])
    assert open_ended.on(D(2030, 1, 1)).id == "own"
    assert open_ended.on(D(2019, 12, 31)).id == "good_prospect@2019-08-01"
    params = replace(DEFAULT_PARAMS, local_good_prospect=table)
    facts = build_facts("2017-06-01", [("gestattung", "2017-01-01")], cit=("ET",))
    assert evaluate(facts)["housing_category"] == "not_yet_placeable"
    assert evaluate(facts, params=params)["housing_category"] == "placeable"


def test_the_fingerprint_changes_with_any_row():
    base = params_fingerprint(DEFAULT_PARAMS)
    assert base == params_fingerprint(replace(DEFAULT_PARAMS))
    local = GOOD_PROSPECT.overlaid([Row("own", D(2020, 1, 1), None, frozenset({"ET"}), "x")])
    assert params_fingerprint(replace(DEFAULT_PARAMS, local_good_prospect=local)) != base
    other_basis = Table("kita.u3", [Row("kita.u3@2013-08-01", D(2013, 8, 1), None, True, "y")])
    assert params_fingerprint(replace(DEFAULT_PARAMS, kita_u3=other_basis)) != base
