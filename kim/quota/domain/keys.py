"""FlüAG § 3 allocation key (product.md §2.3), exact in ``Decimal``.

key = 90 % population share + 10 % area share. Where the area share pushes a key above
1.25 × the pure population share, the key is capped there and the excess is redistributed
to the uncapped municipalities in proportion to their current key – repeated until no cap
is violated. The weights and the cap are the dated row in force on the day asked
(``params.FLUEAG_KEY``). The keys are fractions summing to 1; rounding happens only in
:func:`percent_output`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal, localcontext

from kim.quota.domain import tables
from kim.quota.domain.params import flueag_key_on

PRECISION = 40  # significant digits of the intermediate results
KEY_DECIMALS = 9  # the Land publishes keys as 0.267870503 (%)

COLUMNS = (("ags", tables.text), ("name", tables.text), ("population", tables.whole(1)),
           ("area_km2", tables.positive_decimal))


@dataclass(frozen=True)
class Municipality:
    ags: str
    name: str
    population: int
    area_km2: Decimal


@dataclass(frozen=True)
class Key:
    ags: str
    name: str
    share: Decimal  # fraction of 1
    capped: bool


def read(data: bytes, filename: str = "data.csv") -> list[Municipality]:
    return [Municipality(r["ags"], r["name"], r["population"], r["area_km2"])
            for r in tables.read_rows(data, COLUMNS, filename=filename)]


def capped_shares(raw: Sequence[Decimal], caps: Sequence[Decimal]) -> tuple[list[Decimal],
                                                                            set[int]]:
    """Cap ``raw`` (summing to 1) at ``caps``; redistribute the excess to the uncapped
    entries in proportion to their current value until no cap is violated."""
    keys = list(raw)
    capped: set[int] = set()
    while True:
        over = {i for i, k in enumerate(keys) if i not in capped and k > caps[i]}
        if not over:
            return keys, capped
        capped |= over
        for i in over:
            keys[i] = caps[i]
        free = [i for i in range(len(keys)) if i not in capped]
        free_sum = sum((keys[i] for i in free), Decimal(0))
        if not free or free_sum == 0:  # cannot happen while the caps add up to > 1
            return keys, capped
        factor = (1 - sum((keys[i] for i in capped), Decimal(0))) / free_sum
        for i in free:
            keys[i] *= factor


def flueag_keys(municipalities: Sequence[Municipality], as_of: date) -> list[Key]:
    """The keys with the weights in force on ``as_of``."""
    weights = flueag_key_on(as_of).value
    with localcontext() as ctx:
        ctx.prec = PRECISION
        population = Decimal(sum(m.population for m in municipalities))
        area = sum((m.area_km2 for m in municipalities), Decimal(0))
        pop_shares = [m.population / population for m in municipalities]
        raw = [weights.population * p + weights.area * (m.area_km2 / area)
               for m, p in zip(municipalities, pop_shares, strict=True)]
        shares, capped = capped_shares(raw, [weights.cap * p for p in pop_shares])
    return [Key(m.ags, m.name, s, i in capped)
            for i, (m, s) in enumerate(zip(municipalities, shares, strict=True))]


def percent_output(shares: Sequence[Decimal], decimals: int = KEY_DECIMALS) -> list[Decimal]:
    """Shares as percentages with ``decimals`` places that add up to exactly 100.

    Largest-remainder rounding: each value is rounded down, and the units still missing to
    100 go to the largest remainders (ties: the earlier row), so the published keys sum to
    100 % as the law requires; no value is off by a full unit of the last place.
    """
    unit = Decimal(1).scaleb(-decimals)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        exact = [s * 100 for s in shares]
        floors = [e.quantize(unit, rounding=ROUND_FLOOR) for e in exact]
        missing = int(((sum(exact, Decimal(0)) - sum(floors, Decimal(0))) / unit)
                      .to_integral_value())
        order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
        for i in order[:max(missing, 0)]:
            floors[i] += unit
    return floors
