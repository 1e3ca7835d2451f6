"""Random matching instances (hypothesis) and an independent restatement of the spec's
hard constraints and score, used as the reference for the solver (not imported from
kim.volunteers.matching.rules)."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from hypothesis import strategies as st

from kim.volunteers.matching import Request, Volunteer, Weights
from kim.volunteers.matching.types import Key

ON = date(2026, 6, 1)
LANGS = ["ar", "fa", "ti", "uk"]
SKILLS = ["Behördengang", "Hausaufgaben", "Fahrrad"]
DISTRICTS = ["Innenstadt", "Soest-Süd", "Ampen"]
SLOTS = ["mon-am", "Mo 14-16", "sat"]
HOUSEHOLDS = ["hh-1", "hh-2", "hh-3"]
LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2", "native"]
# The spec's CEFR steps, restated: "native" counts as C2; unknown as weights say.
STEPS = {"A1": 0, "A2": 1, "B1": 2, "B2": 3, "C1": 4, "C2": 5, "native": 5}


@st.composite
def volunteers(draw: st.DrawFn, max_count: int = 6, loose: bool = False) -> list[Volunteer]:
    """``loose``: more capacity and slots, so that volunteers compete for requests (the
    instances where the solver's choices matter most)."""
    out = []
    for i in range(draw(st.integers(0, max_count))):
        languages = draw(st.sets(st.sampled_from(LANGS), max_size=3))
        levelled = draw(st.sets(st.sampled_from(sorted(languages)))) if languages else set()
        anywhere = draw(st.integers(0, 3)) == 0
        out.append(
            Volunteer(
                key=i if i % 2 else f"v{i}",  # ids as numbers and strings
                languages=frozenset(languages),
                skills=frozenset(draw(st.sets(st.sampled_from(SKILLS), max_size=2))),
                districts=frozenset(
                    {"*"} if anywhere else draw(st.sets(st.sampled_from(DISTRICTS), max_size=2))
                ),
                slots=frozenset(draw(st.sets(st.sampled_from(SLOTS), min_size=loose, max_size=2))),
                capacity=draw(st.integers(loose, 3)),
                load=draw(st.integers(0, 1 if loose else 2)),
                levels={code: draw(st.sampled_from(LEVELS)) for code in levelled},
                earlier_households=frozenset(draw(st.sets(st.sampled_from(HOUSEHOLDS)))),
                certificate_until=draw(
                    st.sampled_from([None, ON - timedelta(days=1), ON, ON + timedelta(days=90)])
                ),
            )
        )
    return out


@st.composite
def requests(draw: st.DrawFn, max_count: int = 8, loose: bool = False) -> list[Request]:
    """``loose``: a requirement is set in one case of four only, and there is a slot."""

    def maybe(values: list[str]) -> str | None:
        if loose and draw(st.integers(0, 3)):
            return None
        return draw(st.one_of(st.none(), st.sampled_from(values)))

    return [
        Request(
            key=f"r{i}" if i % 3 else i,
            slots=frozenset(draw(st.sets(st.sampled_from(SLOTS), min_size=loose, max_size=2))),
            language=maybe(LANGS),
            skill=maybe(SKILLS),
            district=maybe(DISTRICTS),
            involves_children=draw(st.integers(0, 3)) == 0,
            household=maybe(HOUSEHOLDS),
        )
        for i in range(draw(st.integers(0, max_count)))
    ]


def pair_ok(v: Volunteer, r: Request, on: date = ON) -> bool:
    """The issue's hard constraints for one pair (capacity aside), restated."""
    if r.language is not None and r.language not in v.languages:
        return False
    if r.skill is not None and r.skill not in v.skills:
        return False
    if r.district is not None and "*" not in v.districts and r.district not in v.districts:
        return False
    if not set(v.slots) & set(r.slots):
        return False
    return not (r.involves_children and (v.certificate_until is None or v.certificate_until < on))


def pair_points(v: Volunteer, r: Request, w: Weights) -> int:
    """The README's score of a pair, without load."""
    points = 0
    if r.language is not None:
        level = v.levels.get(r.language)
        points += w.level_step * (w.unknown_level_steps if level is None else STEPS[level])
    if r.district is not None and r.district in v.districts:
        points += w.district_named
    if r.household is not None and r.household in v.earlier_households:
        points += w.continuity
    return points


def load_cost(v: Volunteer, new: int, w: Weights) -> int:
    """Load cost of ``new`` assignments on top of the volunteer's current load."""
    return sum(w.load_step * (v.load + j) for j in range(new))


def violations(pairs: dict[Key, Key], vs: Sequence[Volunteer], rs: Sequence[Request]) -> list[str]:
    vmap = {v.key: v for v in vs}
    rmap = {r.key: r for r in rs}
    found = [f"{rk}->{vk}" for rk, vk in pairs.items() if not pair_ok(vmap[vk], rmap[rk])]
    for vk, n in Counter(pairs.values()).items():
        if n > max(vmap[vk].capacity - vmap[vk].load, 0):
            found.append(f"capacity {vk}")
    return found


def total_score(
    pairs: dict[Key, Key], vs: Sequence[Volunteer], rs: Sequence[Request], w: Weights
) -> int:
    vmap = {v.key: v for v in vs}
    rmap = {r.key: r for r in rs}
    points = sum(pair_points(vmap[vk], rmap[rk], w) for rk, vk in pairs.items())
    return points - sum(load_cost(vmap[vk], n, w) for vk, n in Counter(pairs.values()).items())


def brute_force(vs: Sequence[Volunteer], rs: Sequence[Request], w: Weights) -> tuple[int, int]:
    """Best (matched requests, score) over every assignment, lexicographically."""
    options = [[None, *[v.key for v in vs if pair_ok(v, r)]] for r in rs]
    best = (0, 0)
    for choice in itertools.product(*options):
        pairs = {r.key: vk for r, vk in zip(rs, choice, strict=True) if vk is not None}
        if violations(pairs, vs, rs):
            continue
        best = max(best, (len(pairs), total_score(pairs, vs, rs, w)))
    return best
