"""Hard rules, soft costs and reasons of single pairs (kim.housing.placement.rules)."""

from __future__ import annotations

import pytest

from kim.housing.placement import (
    DEFAULT_WEIGHTS,
    HouseholdNeed,
    Reason,
    UnitOffer,
    Weights,
    assess,
    exclusions,
    unplaced_reason,
)


def hh(key="h", size=4, composition="family", **kw):
    return HouseholdNeed(key, size, composition, **kw)


def unit(key="u", phase=2, use="mixed", free=8, **kw):
    return UnitOffer(key, "fac", phase, use, free, **kw)


@pytest.mark.parametrize(
    ("composition", "use", "allowed"),
    [
        ("family", "families", True),
        ("family", "single_men", False),
        ("single_man", "families", False),
        ("single_man", "single_women", False),
        ("single_man", "single_men", True),
        ("single_woman", "families", True),
        ("single_woman", "single_men", False),
        ("single_woman", "single_women", True),
        ("family", "mixed", True),
    ],
)
def test_target_use(composition, use, allowed):
    size = 4 if composition == "family" else 1
    assert (exclusions(hh(size=size, composition=composition), unit(use=use)) == []) is allowed


def test_vulnerable_units_only_for_vulnerable_households():
    assert exclusions(hh(), unit(use="vulnerable")) == [Reason("excluded_vulnerable_only")]
    assert exclusions(hh(vulnerable=True), unit(use="vulnerable")) == []


def test_vulnerable_never_phase1_and_accessibility_and_size_all_reported():
    h = hh(size=5, vulnerable=True, needs_accessible=True)
    assert [r.code for r in exclusions(h, unit(phase=1, use="families", free=3))] == [
        "excluded_vulnerable_phase1",
        "excluded_not_accessible",
        "excluded_too_small",
    ]
    assert exclusions(h, unit(phase=1, free=3))[-1].params == {"free": 3, "size": 5}


def test_uma_is_never_placed_anywhere():
    h = hh(size=1, composition="uma")
    for phase in (1, 2, "flat"):
        for use in ("families", "single_men", "single_women", "vulnerable", "mixed"):
            assert exclusions(h, unit(phase=phase, use=use)) == [Reason("youth_welfare")]


def test_costs_and_reasons():
    h = hh(size=3, wants=frozenset({"school", "kita"}), languages=frozenset({"ar", "fa"}))
    u = unit(phase=2, near=frozenset({"school"}), resident_languages=frozenset({"fa", "ti"}))
    cost, breakdown, reasons = assess(h, u, DEFAULT_WEIGHTS)
    assert [tuple(c) for c in breakdown] == [("outside_phase1", 3), ("not_near", 8)]
    assert cost == 11
    assert Reason("near", {"what": "school"}) in reasons
    assert Reason("not_near", {"what": "kita"}) in reasons
    assert Reason("language_neighbours", {"languages": ["fa"]}) in reasons
    assert reasons[0] == Reason("household_together", {"size": 3})


def test_skip_phase1_group_in_phase1_costs_heavily_but_is_allowed():
    h = hh(skips_phase1=True, languages=frozenset({"ar"}))
    cost, breakdown, reasons = assess(h, unit(phase=1, use="families"), DEFAULT_WEIGHTS)
    assert cost == 40 + 5
    assert Reason("phase1_although_skips") in reasons
    assert Reason("no_language_neighbours", {"languages": ["ar"]}) in reasons
    assert assess(h, unit(phase=2), DEFAULT_WEIGHTS)[0] == 5  # no Phase I cost in Phase II


def test_custom_wants_and_zero_weights_leave_no_breakdown_line():
    h = hh(wants=frozenset({"mosque"}))
    weights = Weights(other_want_missing=7, phase1_first_per_person=0)
    cost, breakdown, _ = assess(h, unit(), weights)
    assert (cost, [tuple(c) for c in breakdown]) == (7, [("not_near", 7)])


@pytest.mark.parametrize(
    ("household", "units", "expected"),
    [
        (hh(size=1, composition="uma"), [unit()], Reason("youth_welfare")),
        (hh(), [unit(use="single_men")], Reason("no_unit_for_use", {"composition": "family"})),
        (hh(vulnerable=True), [unit(phase=1)], Reason("no_phase2_unit")),
        (hh(needs_accessible=True), [unit()], Reason("no_accessible_unit")),
        (
            hh(size=6),
            [unit(use="families", free=5), unit("u2", free=4), unit("u3", use="single_men")],
            Reason("no_unit_large_enough", {"composition": "family", "size": 6, "max_free": 5}),
        ),
        (hh(size=6), [unit(free=6), unit("u2", free=9)], Reason("capacity_used", {"units": 2})),
    ],
)
def test_unplaced_reason(household, units, expected):
    assert unplaced_reason(household, units) == expected


def test_invalid_records_are_rejected_with_their_key():
    with pytest.raises(ValueError, match="h7"):
        HouseholdNeed("h7", 0, "family")
    with pytest.raises(ValueError, match="u7"):
        UnitOffer("u7", "f", 3, "mixed", 4)
    with pytest.raises(ValueError, match="u8"):
        UnitOffer("u8", "f", 1, "mixed", -1)
