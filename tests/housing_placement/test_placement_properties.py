"""Hard constraints are never violated and the plan is optimal (hypothesis, brute force)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kim.housing.placement import DEFAULT_WEIGHTS, Weights, check_assignments, solve, suggest

from .instances import brute_force, households, pair_ok, units, violations

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(households(max_count=14), units(max_count=8))
def test_hard_constraints_hold(hs, us):
    plan = solve(hs, us, time_limit_s=5)
    pairs = {a.household_key: a.unit_key for a in plan.assignments}
    assert len(pairs) == len(plan.assignments)  # a household appears at most once
    assert violations(pairs, hs, us) == []
    assert check_assignments(pairs, hs, us) == []
    assert all(h.key not in pairs for h in hs if h.composition == "uma")
    # every household is either placed (whole) or reported with a reason
    assert {a.household_key for a in plan.assignments} | {
        u.household_key for u in plan.unplaced
    } == {h.key for h in hs}
    assert not {a.household_key for a in plan.assignments} & {
        u.household_key for u in plan.unplaced
    }
    sizes = {h.key: h.size for h in hs}
    assert all(a.size == sizes[a.household_key] for a in plan.assignments)
    assert plan.placed_persons == sum(a.size for a in plan.assignments)
    assert plan.status in ("OPTIMAL", "EMPTY")


@SETTINGS
@given(
    households(max_count=5),
    units(max_count=3),
    st.builds(
        Weights,
        skip_phase1_in_phase1=st.integers(0, 50),
        phase1_first_per_person=st.integers(0, 5),
        no_language_neighbours=st.integers(0, 20),
    ),
)
def test_optimal_against_brute_force(hs, us, weights):
    plan = solve(hs, us, weights)
    assert (plan.placed_persons, -plan.cost) == brute_force(hs, us, weights)


@SETTINGS
@given(households(max_count=1).filter(len), units(max_count=8))
def test_suggestions_rank_allowed_units_by_cost(hs, us):
    (h,) = hs
    result = suggest(h, us, DEFAULT_WEIGHTS)
    allowed = [s for s in result if s.allowed]
    assert {s.unit_key for s in allowed} == {u.key for u in us if pair_ok(h, u)}
    assert [s.rank for s in allowed] == list(range(1, len(allowed) + 1))
    assert [s.cost for s in allowed] == sorted(s.cost for s in allowed)
    assert all(s.reasons for s in result)  # every unit says why (or why not)
    assert result[: len(allowed)] == allowed  # excluded ones come last
    if allowed:  # the best suggestion is as good as the solver's choice for it alone
        assert solve([h], us).cost == allowed[0].cost
