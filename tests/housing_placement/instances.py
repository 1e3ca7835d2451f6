"""Random placement instances (hypothesis) and an independent checker / brute force used
as the reference for the solver's hard constraints and optimality."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from hypothesis import strategies as st

from kim.housing.placement import HouseholdNeed, UnitOffer, Weights, assess

AMENITIES = ["school", "kita", "doctor"]
LANGS = ["ar", "fa", "ti", "uk"]
# Independent restatement of the target-use table of the spec (not imported from rules).
ACCEPTS = {
    "families": {"family", "single_woman"},
    "single_men": {"single_man"},
    "single_women": {"single_woman"},
    "vulnerable": {"family", "single_man", "single_woman"},
    "mixed": {"family", "single_man", "single_woman"},
}


@st.composite
def households(draw: st.DrawFn, max_count: int = 8) -> list[HouseholdNeed]:
    n = draw(st.integers(0, max_count))
    out = []
    for i in range(n):
        comp = draw(st.sampled_from(["family", "single_man", "single_woman", "uma"]))
        size = draw(st.integers(2, 7)) if comp == "family" else 1
        out.append(
            HouseholdNeed(
                key=f"h{i:02d}",
                size=size,
                composition=comp,
                vulnerable=draw(st.booleans()),
                needs_accessible=draw(st.integers(0, 4)) == 0,
                skips_phase1=draw(st.booleans()),
                languages=frozenset(draw(st.sets(st.sampled_from(LANGS), max_size=2))),
                wants=frozenset(draw(st.sets(st.sampled_from(AMENITIES), max_size=2))),
            )
        )
    return out


@st.composite
def units(draw: st.DrawFn, max_count: int = 6) -> list[UnitOffer]:
    n = draw(st.integers(0, max_count))
    return [
        UnitOffer(
            key=f"u{i:02d}",
            facility_key=f"f{i % 3}",
            phase=draw(st.sampled_from([1, 2, "flat"])),
            target_use=draw(st.sampled_from(sorted(ACCEPTS))),
            free_places=draw(st.integers(0, 9)),
            accessible=draw(st.booleans()),
            near=frozenset(draw(st.sets(st.sampled_from(AMENITIES)))),
            resident_languages=frozenset(draw(st.sets(st.sampled_from(LANGS), max_size=2))),
            single_household=draw(st.integers(0, 3)) == 0,
        )
        for i in range(n)
    ]


def pair_ok(h: HouseholdNeed, u: UnitOffer) -> bool:
    """The spec's hard rules for one pair, written independently of kim's rules.py."""
    if h.composition == "uma":
        return False
    if h.composition not in ACCEPTS[u.target_use]:
        return False
    if u.target_use == "vulnerable" and not h.vulnerable:
        return False
    if h.vulnerable and u.phase == 1:
        return False
    if h.needs_accessible and not u.accessible:
        return False
    return h.size <= u.free_places


def violations(
    pairs: dict[str, str], hs: Sequence[HouseholdNeed], us: Sequence[UnitOffer]
) -> list[str]:
    hmap = {h.key: h for h in hs}
    umap = {u.key: u for u in us}
    found = [f"{hk}->{uk}" for hk, uk in pairs.items() if not pair_ok(hmap[hk], umap[uk])]
    for u in us:
        inside = [hmap[hk] for hk, uk in pairs.items() if uk == u.key]
        if sum(h.size for h in inside) > u.free_places:
            found.append(f"capacity {u.key}")
        if u.single_household and len(inside) > 1:
            found.append(f"shared flat {u.key}")
    return found


def brute_force(
    hs: Sequence[HouseholdNeed], us: Sequence[UnitOffer], weights: Weights
) -> tuple[int, int]:
    """Best (placed persons, -cost) over every assignment, lexicographically."""
    best = (0, 0)
    options: list[str | None] = [None, *[u.key for u in us]]
    umap = {u.key: u for u in us}
    for choice in itertools.product(options, repeat=len(hs)):
        pairs = {h.key: uk for h, uk in zip(hs, choice, strict=True) if uk is not None}
        if violations(pairs, hs, us):
            continue
        persons = sum(h.size for h in hs if h.key in pairs)
        cost = sum(assess(h, umap[pairs[h.key]], weights)[0] for h in hs if h.key in pairs)
        best = max(best, (persons, -cost))
    return best
