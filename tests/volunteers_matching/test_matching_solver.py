"""The optimiser on small hand-built cases: more requests first, then the documented score
(language level, district, continuity, load balance); first fit as the baseline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kim.volunteers.matching import (
    MatchingError,
    Reason,
    Request,
    ScoreItem,
    Volunteer,
    Weights,
    check_matches,
    first_fit,
    match,
)

ON = date(2026, 6, 1)
MON = frozenset({"mon-am"})


def vol(key, languages=(), *, skills=(), districts=("*",), slots=MON, capacity=1, **extra):
    return Volunteer(
        key,
        frozenset(languages),
        frozenset(skills),
        frozenset(districts),
        frozenset(slots),
        capacity,
        **extra,
    )


def req(key, *, slots=MON, **extra):
    return Request(key, frozenset(slots), **extra)


def pairs(result):
    return {m.request_key: m.volunteer_key for m in result.matches}


def test_first_fit_matches_fewer_than_the_optimum():
    # First fit gives the Arabic request to the first Arabic speaker, who is also the only
    # one speaking Dari and the only one free on Saturday: two requests stay unserved.
    volunteers = [
        vol("anna", ["ar", "prs"], slots={"mon-am", "sat"}, capacity=2),
        vol("ben", ["ar"], slots={"mon-am"}),
        vol("carla", ["ar"], slots={"mon-am"}),
    ]
    requests = [
        req("r1", language="ar"),
        req("r2", language="ar"),
        req("r3", language="prs"),
        req("r4", slots={"sat"}),
    ]
    greedy = first_fit(volunteers, requests, ON)
    assert greedy == {"r1": "anna", "r2": "anna"}
    result = match(volunteers, requests, on=ON)
    assert (len(greedy), len(result.matches)) == (2, 4)
    found = pairs(result)
    assert (found["r3"], found["r4"]) == ("anna", "anna")
    assert {found["r1"], found["r2"]} == {"ben", "carla"}


def test_more_matches_beat_a_better_score():
    # r1 would score best with anna (continuity), but only anna can serve r2.
    volunteers = [
        vol("anna", ["ar", "ti"], earlier_households=frozenset({"hh-7"})),
        vol("ben", ["ar"]),
    ]
    requests = [req("r1", language="ar", household="hh-7"), req("r2", language="ti")]
    assert pairs(match(volunteers, requests, on=ON)) == {"r1": "ben", "r2": "anna"}


def test_language_level_decides_between_speakers():
    volunteers = [
        vol("a", ["ar"], levels={"ar": "A2"}),
        vol("b", ["ar"], levels={"ar": "native"}),
        vol("c", ["ar"]),
    ]
    (m,) = match(volunteers, [req("r", language="ar")], on=ON).matches
    assert (m.volunteer_key, m.score) == ("b", 10)  # native = C2: 5 steps × 2
    assert m.breakdown == (ScoreItem("language_level", 10),)
    assert Reason("speaks_level", {"language": "ar", "level": "native"}) in m.reasons


def test_unknown_level_counts_as_b1():
    volunteers = [vol("a", ["ar"], levels={"ar": "A2"}), vol("c", ["ar"])]
    (m,) = match(volunteers, [req("r", language="ar")], on=ON).matches
    assert (m.volunteer_key, m.score) == ("c", 4)
    assert m.reasons[0] == Reason("speaks", {"language": "ar"})


def test_a_volunteer_who_names_the_district_comes_before_anywhere():
    volunteers = [vol("any", districts={"*"}), vol("near", districts={"Ampen", "Innenstadt"})]
    (m,) = match(volunteers, [req("r", district="Ampen")], on=ON).matches
    assert (m.volunteer_key, m.score) == ("near", 4)
    assert Reason("district_named", {"district": "Ampen"}) in m.reasons
    (m,) = match(volunteers[:1], [req("r", district="Ampen")], on=ON).matches
    assert Reason("district_any", {"district": "Ampen"}) in m.reasons


def test_continuity_with_an_earlier_household():
    volunteers = [
        vol("fluent", ["ar"], levels={"ar": "C2"}),
        vol("known", ["ar"], earlier_households=frozenset({"hh-7"})),
    ]
    (m,) = match(volunteers, [req("r", language="ar", household="hh-7")], on=ON).matches
    assert (m.volunteer_key, m.score) == ("known", 14)  # B1 (unknown) 4 + continuity 10 > C2 10
    assert Reason("continuity") in m.reasons


def test_load_is_balanced_over_volunteers():
    volunteers = [vol("a", capacity=3), vol("b", capacity=3)]
    result = match(volunteers, [req("r1"), req("r2")], on=ON)
    assert sorted(pairs(result).values()) == ["a", "b"]
    assert [m.score for m in result.matches] == [0, 0]


def test_current_load_counts():
    volunteers = [vol("busy", capacity=5, load=2), vol("idle", capacity=5)]
    (m,) = match(volunteers, [req("r")], on=ON).matches
    assert m.volunteer_key == "idle"
    (m,) = match(volunteers[:1], [req("r")], on=ON).matches
    assert m.score == -6  # the third parallel assignment costs 2 × 3
    assert m.breakdown == (ScoreItem("load", -6),)
    assert m.reasons[-1] == Reason("load", {"assignments": 3, "capacity": 5})


def test_second_assignment_of_one_volunteer_costs_load():
    result = match([vol("a", capacity=2)], [req("r1"), req("r2")], on=ON)
    assert [(m.request_key, m.score) for m in result.matches] == [("r1", 0), ("r2", -3)]
    assert result.score == -3


def test_certificate_must_be_valid_on_the_day():
    children = req("r", involves_children=True)
    expired = vol("old", certificate_until=ON - timedelta(days=1))
    today = vol("today", certificate_until=ON)
    none = vol("none")
    assert pairs(match([expired, none], [children], on=ON)) == {}
    (m,) = match([expired, today, none], [children], on=ON).matches
    assert m.volunteer_key == "today"
    assert Reason("certificate_valid_until", {"until": "2026-06-01"}) in m.reasons
    assert pairs(match([today], [children], on=ON + timedelta(days=1))) == {}
    assert pairs(match([none], [req("r")], on=ON)) == {"r": "none"}  # no children: no need


def test_hard_constraints_each_exclude():
    v = vol("v", ["ar"], skills={"Fahrrad"}, districts={"Ampen"}, slots={"mon-am"})
    for request in [
        req("r", language="ti"),
        req("r", skill="Behördengang"),
        req("r", district="Innenstadt"),
        req("r", slots={"Mo 14-16"}),
        req("r", slots=set()),
        req("r", involves_children=True),
    ]:
        assert pairs(match([v], [request], on=ON)) == {}
    assert pairs(
        match([v], [req("r", language="ar", skill="Fahrrad", district="Ampen")], on=ON)
    ) == {"r": "v"}


def test_capacity_zero_and_load_at_capacity_take_nothing():
    result = match([vol("a", capacity=0), vol("b", capacity=2, load=2)], [req("r")], on=ON)
    assert pairs(result) == {}
    assert result.unmatched[0].reasons == (Reason("all_at_capacity", {"count": 2}),)


def test_slots_are_opaque_strings():
    v = vol("v", slots={"Mo 14-16"})
    assert pairs(match([v], [req("r", slots={"mo 14-16"})], on=ON)) == {}
    assert pairs(match([v], [req("r", slots={"Mo 14-16", "sat"})], on=ON)) == {"r": "v"}


def test_language_codes_ignore_case_and_district_star_means_any():
    v = vol("v", ["AR"], districts={"Ampen"})
    assert pairs(match([v], [req("r", language="ar", district="*")], on=ON)) == {"r": "v"}


def test_ids_are_kept_as_given():
    result = match([vol(7), vol("7x")], [req(1), req("1x")], on=ON)
    assert {(type(m.request_key), type(m.volunteer_key)) for m in result.matches} <= {
        (int, int),
        (int, str),
        (str, int),
        (str, str),
    }
    assert set(pairs(result)) == {1, "1x"}
    assert set(pairs(result).values()) == {7, "7x"}


def test_empty_inputs():
    assert match([], []).matches == ()
    result = match([], [req("r")], on=ON)
    assert result.unmatched[0].reasons == (Reason("no_volunteers"),)
    assert match([vol("v")], [], on=ON).unmatched == ()


def test_duplicate_ids_are_refused():
    with pytest.raises(MatchingError, match="duplicate volunteer id 'a'"):
        match([vol("a"), vol("a")], [], on=ON)
    with pytest.raises(MatchingError, match="duplicate request id 3"):
        match([], [req(3), req(3)], on=ON)
    with pytest.raises(ValueError, match="non-empty string or an integer"):
        vol(True)


def test_weights_change_the_choice():
    volunteers = [vol("near", districts={"Ampen"}, capacity=2, load=1), vol("any")]
    assert pairs(match(volunteers, [req("r", district="Ampen")], on=ON)) == {"r": "near"}
    heavy = Weights(load_step=5)  # the second assignment costs more than the district pays
    assert pairs(match(volunteers, [req("r", district="Ampen")], heavy, on=ON)) == {"r": "any"}
    with pytest.raises(ValueError, match="weight continuity must not be negative"):
        Weights(continuity=-1)


def test_check_before_confirmation():
    volunteers = [vol("a", ["ar"]), vol("b", ["fa"], capacity=2, load=1)]
    requests = [req("r1", language="ar"), req("r2", language="fa"), req("r3", language="fa")]
    assert check_matches({"r1": "a", "r2": "b"}, volunteers, requests, ON) == []
    assert check_matches(
        {"r1": "b", "r2": "b", "r3": "b", "rx": "a"}, volunteers, requests, ON
    ) == [
        ("r1", Reason("excluded_language", {"language": "ar"})),
        ("rx", Reason("unknown_key", {"request": "rx", "volunteer": "a"})),
        ("b", Reason("over_capacity", {"volunteer": "b", "assignments": 4, "capacity": 2})),
    ]
