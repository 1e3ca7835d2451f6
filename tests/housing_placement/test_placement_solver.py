"""Mass-arrival solver: concrete cases, unplaced reasons, pins, determinism, re-check."""

from __future__ import annotations

import json
import random

import pytest

from kim.housing.placement import (
    HouseholdNeed,
    PlacementError,
    Reason,
    UnitOffer,
    check_assignments,
    solve,
)


def hh(key, size=4, composition="family", **kw):
    return HouseholdNeed(key, size, composition, **kw)


def unit(key, phase=2, use="mixed", free=8, **kw):
    return UnitOffer(key, "fac-" + key, phase, use, free, **kw)


def pairs(plan):
    return {a.household_key: a.unit_key for a in plan.assignments}


def test_soest_like_small_arrival():
    households = [
        hh("fam-school", 5, skips_phase1=True, wants=frozenset({"school"})),
        hh("fam", 4),
        hh("man1", 1, "single_man"),
        hh("man2", 1, "single_man", languages=frozenset({"ar"})),
        hh("woman", 1, "single_woman"),
        hh("sick", 2, vulnerable=True, needs_accessible=True),
        hh("uma", 1, "uma"),
    ]
    units = [
        unit("wald", 1, "families", 10),
        unit("ost-a", 1, "single_men", 1, resident_languages=frozenset({"ar"})),
        unit("ost-b", 1, "single_men", 5),
        unit("flat-1", "flat", "mixed", 5, near=frozenset({"school"}), single_household=True),
        unit("flat-2", 2, "vulnerable", 3, accessible=True),
    ]
    plan = solve(households, units)
    assert plan.status == "OPTIMAL"
    assert pairs(plan) == {
        "fam-school": "flat-1",  # skips Phase I, school nearby
        "fam": "wald",
        "man1": "ost-b",
        "man2": "ost-a",  # Arabic-speaking neighbours
        "woman": "wald",  # with families, never with single men
        "sick": "flat-2",
    }
    assert plan.unplaced[0].household_key == "uma"
    assert plan.unplaced[0].reason == Reason("youth_welfare")
    assert (plan.placed_persons, plan.total_persons, plan.cost) == (14, 15, 0)
    json.dumps(plan.to_dict())  # storable between review and confirmation


def test_placed_persons_come_before_preferences():
    # The flat is the only place for the big family; the small one would like it more.
    households = [hh("big", 6), hh("small", 2, skips_phase1=True, wants=frozenset({"kita"}))]
    units = [unit("flat", 2, free=6, near=frozenset({"kita"})), unit("wald", 1, "families", 3)]
    plan = solve(households, units)
    assert pairs(plan) == {"big": "flat", "small": "wald"}
    assert plan.cost == 40 + 8 + 6


def test_unplaceable_household_gets_the_reason():
    households = [hh("six", 6), hh("two", 2)]
    units = [unit("wald", 1, "families", 5), unit("ost", 1, "single_men", 30)]
    plan = solve(households, units)
    assert pairs(plan) == {"two": "wald"}
    (unplaced,) = plan.unplaced
    assert unplaced.household_key == "six"
    assert unplaced.reason == Reason(
        "no_unit_large_enough", {"composition": "family", "size": 6, "max_free": 5}
    )


def test_capacity_taken_by_more_persons_is_explained():
    plan = solve([hh("a", 3), hh("b", 4)], [unit("u", free=5)])
    assert pairs(plan) == {"b": "u"}
    assert plan.unplaced[0].reason == Reason("capacity_used", {"units": 1})


def test_single_household_flat_takes_one_household():
    plan = solve([hh("a", 2), hh("b", 2)], [unit("flat", free=8, single_household=True)])
    assert len(plan.assignments) == 1


def test_pins_are_kept_and_invalid_pins_rejected():
    households = [hh("a", 2), hh("b", 2)]
    units = [unit("u1", free=2, near=frozenset({"kita"})), unit("u2", free=2)]
    assert pairs(solve(households, units, fixed={"a": "u2"})) == {"a": "u2", "b": "u1"}
    with pytest.raises(PlacementError, match="excluded_too_small"):
        solve([hh("a", 3)], units, fixed={"a": "u1"})
    with pytest.raises(PlacementError, match="unknown"):
        solve(households, units, fixed={"a": "nowhere"})
    with pytest.raises(PlacementError, match="no plan"):
        solve(households, units, fixed={"a": "u1", "b": "u1"})


def test_duplicate_keys_rejected():
    with pytest.raises(PlacementError, match="duplicate household key 'a'"):
        solve([hh("a"), hh("a")], [])
    with pytest.raises(PlacementError, match="duplicate unit key 'u'"):
        solve([], [unit("u"), unit("u")])


def test_empty_input():
    plan = solve([hh("a")], [])
    assert (plan.status, plan.placed_persons) == ("EMPTY", 0)
    assert plan.unplaced[0].reason.code == "no_unit_for_use"


def _instance(seed):
    rng = random.Random(seed)
    households = [
        hh(
            f"h{i}",
            rng.randint(1, 6),
            rng.choice(["family", "single_man"]),
            wants=frozenset(rng.sample(["school", "kita", "doctor"], rng.randint(0, 2))),
        )
        for i in range(25)
    ]
    units = [
        unit(
            f"u{i}",
            rng.choice([1, 2]),
            rng.choice(["mixed", "families", "single_men"]),
            rng.randint(2, 10),
            near=frozenset(rng.sample(["school", "kita"], rng.randint(0, 2))),
        )
        for i in range(15)
    ]
    return households, units


def test_deterministic_whatever_the_input_order():
    households, units = _instance(7)
    first = solve(households, units)
    for seed in range(3):
        rng = random.Random(seed)
        hs, us = households[:], units[:]
        rng.shuffle(hs)
        rng.shuffle(us)
        again = solve(hs, us)
        assert again.assignments == first.assignments
        assert again.unplaced == first.unplaced
    two_workers = solve(households, units, num_workers=2)
    assert (two_workers.placed_persons, two_workers.cost) == (first.placed_persons, first.cost)


def test_check_assignments_finds_every_problem():
    households = [hh("a", 3), hh("b", 3), hh("v", 2, vulnerable=True)]
    units = [unit("u", free=5, single_household=True), unit("p1", 1, "families", 9)]
    problems = check_assignments({"a": "u", "b": "u", "v": "p1", "x": "u"}, households, units)
    assert sorted((key, r.code) for key, r in problems) == [
        ("u", "over_capacity"),
        ("u", "single_household_shared"),
        ("v", "excluded_vulnerable_phase1"),
        ("x", "unknown_key"),
    ]
    assert check_assignments({"a": "u", "v": "u"}, households, units) == [
        ("u", Reason("single_household_shared"))
    ]
