"""Hard constraints are never violated, the plan is optimal (brute force), every request
is accounted for with reasons that tell the truth (hypothesis)."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kim.volunteers.matching import Weights, candidates, check_matches, exclusions, match
from kim.volunteers.matching.index import Index
from kim.volunteers.matching.rules import assess

from .instances import ON, brute_force, pair_ok, pair_points, requests, violations, volunteers

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WEIGHTS = st.builds(
    Weights,
    level_step=st.integers(0, 4),
    unknown_level_steps=st.integers(0, 5),
    district_named=st.integers(0, 8),
    continuity=st.integers(0, 15),
    load_step=st.integers(0, 6),
)


@SETTINGS
@given(volunteers(), requests())
def test_hard_constraints_hold_and_every_request_appears_once(vs, rs):
    result = match(vs, rs, on=ON)
    pairs = {m.request_key: m.volunteer_key for m in result.matches}
    assert len(pairs) == len(result.matches)
    assert violations(pairs, vs, rs) == []
    assert check_matches(pairs, vs, rs, ON) == []
    keys = [m.request_key for m in result.matches] + [u.request_key for u in result.unmatched]
    assert sorted(keys, key=str) == sorted((r.key for r in rs), key=str)
    # in the order given
    order = [r.key for r in rs]
    assert [m.request_key for m in result.matches] == [k for k in order if k in pairs]
    assert [u.request_key for u in result.unmatched] == [k for k in order if k not in pairs]
    # maximal: no unmatched request has an allowed volunteer with an assignment left
    used = Counter(pairs.values())
    for u in result.unmatched:
        request = next(r for r in rs if r.key == u.request_key)
        assert not [v.key for v in vs if pair_ok(v, request) and used[v.key] < v.capacity - v.load]


@SETTINGS
@given(volunteers(max_count=4), requests(max_count=5), WEIGHTS)
def test_optimal_against_brute_force(vs, rs, weights):
    result = match(vs, rs, weights, on=ON)
    assert (len(result.matches), result.score) == brute_force(vs, rs, weights)


@SETTINGS
@given(volunteers(max_count=3, loose=True), requests(max_count=5, loose=True), WEIGHTS)
def test_optimal_against_brute_force_when_volunteers_compete(vs, rs, weights):
    result = match(vs, rs, weights, on=ON)
    assert (len(result.matches), result.score) == brute_force(vs, rs, weights)


@SETTINGS
@given(volunteers(), requests(), WEIGHTS)
def test_scores_add_up_to_pair_points_minus_growing_load(vs, rs, weights):
    result = match(vs, rs, weights, on=ON)
    vmap = {v.key: v for v in vs}
    rmap = {r.key: r for r in rs}
    load_costs: dict = {}
    for m in result.matches:
        v = vmap[m.volunteer_key]
        assert m.score == sum(item.points for item in m.breakdown)
        load = pair_points(v, rmap[m.request_key], weights) - m.score
        load_costs.setdefault(v.key, []).append(load)
    for key, costs in load_costs.items():  # the n-th parallel assignment costs (n − 1) × step
        v = vmap[key]
        assert sorted(costs) == [weights.load_step * (v.load + j) for j in range(len(costs))]
    assert result.score == sum(m.score for m in result.matches)


@SETTINGS
@given(volunteers(), requests())
def test_reasons_are_present_and_tell_the_truth(vs, rs):
    result = match(vs, rs, on=ON)
    pairs = {m.request_key: m.volunteer_key for m in result.matches}
    used = Counter(pairs.values())
    for m in result.matches:
        codes = [r.code for r in m.reasons]
        assert "shared_slots" in codes and codes[-1] == "load"
    for u in result.unmatched:
        assert u.reasons
        r = next(x for x in rs if x.key == u.request_key)
        allowed = [v for v in vs if pair_ok(v, r)]
        for reason in u.reasons:
            p = reason.params
            match reason.code:
                case "no_volunteers":
                    assert vs == []
                case "no_language":
                    assert not [v for v in vs if p["language"] in v.languages]
                case "no_skill":
                    assert not [v for v in vs if p["skill"] in v.skills]
                case "no_district":
                    assert not [v for v in vs if {"*", p["district"]} & v.districts]
                case "no_slot":
                    assert not [v for v in vs if v.slots & r.slots]
                case "no_request_slots":
                    assert r.slots == frozenset()
                case "no_certificate":
                    assert not [v for v in vs if v.certificate_valid(ON)]
                case "all_at_capacity":
                    assert p["count"] == len(allowed) > 0
                    assert all(v.capacity <= v.load for v in allowed)
                case "capacity_used":
                    free = [v for v in allowed if v.capacity > v.load]
                    assert (p["count"], p["free"]) == (len(allowed), len(free))
                    assert all(used[v.key] == v.capacity - v.load for v in free)
                case "no_combination":
                    assert allowed == []
                case code if code.startswith(("only_missing_", "with_")):
                    assert allowed == [] and p["count"] > 0
                case other:
                    raise AssertionError(f"unexpected reason {other}")


@SETTINGS
@given(volunteers(max_count=1).filter(len), requests(max_count=1).filter(len), WEIGHTS)
def test_index_agrees_with_the_pair_rules(vs, rs, weights):
    (v,), (r,) = vs, rs
    index = Index(vs, rs, ON, weights)
    hard = [x for x in exclusions(v, r, ON) if x.code != "excluded_capacity"]
    assert bool(index.eligible(r)[0]) == (hard == []) == pair_ok(v, r)
    if not hard:
        import numpy as np

        assert int(index.points(r, np.array([0]))[0]) == assess(v, r, weights)[0]


@SETTINGS
@given(volunteers(), requests(), st.randoms(use_true_random=False))
def test_input_order_does_not_change_the_plan(vs, rs, rnd):
    first = match(vs, rs, on=ON)
    vs2, rs2 = list(vs), list(rs)
    rnd.shuffle(vs2)
    rnd.shuffle(rs2)
    second = match(vs2, rs2, on=ON)
    assert {(m.request_key, m.volunteer_key, m.score) for m in first.matches} == {
        (m.request_key, m.volunteer_key, m.score) for m in second.matches
    }


@SETTINGS
@given(volunteers(), requests(max_count=1).filter(len), WEIGHTS)
def test_candidates_rank_the_allowed_volunteers_by_score(vs, rs, weights):
    (r,) = rs
    result = candidates(r, vs, weights, on=ON)
    allowed = [c for c in result if c.allowed]
    expected = {v.key for v in vs if pair_ok(v, r) and v.capacity > v.load}
    assert {c.volunteer_key for c in allowed} == expected
    assert [c.rank for c in allowed] == list(range(1, len(allowed) + 1))
    assert [c.score for c in allowed] == sorted((c.score for c in allowed), reverse=True)
    assert result[: len(allowed)] == allowed and len(result) == len(vs)
    assert all(c.reasons for c in result)
    vmap = {v.key: v for v in vs}
    for c in allowed:  # the score a single match with this volunteer would get
        v = vmap[c.volunteer_key]
        assert c.score == pair_points(v, r, weights) - weights.load_step * v.load
    if allowed:  # the best candidate is as good as the optimum for this request alone
        assert match(vs, rs, weights, on=ON).score == allowed[0].score
