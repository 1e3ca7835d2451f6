"""§ 12a AufenthG residence-assignment key of NRW (AWoV "Integrationsschlüssel"), versioned.

Version 01.12.2016 (§ 4 AWoV): 80 % population share + 10 % area share + 10 % share of the
registered unemployed; then the key of a municipality under the rent cap
(Mietpreisbegrenzungsverordnung) is reduced by 10 %, and that of a municipality with a high
share of SGB II recipients from the EU states of Anlage 2 by another 10 % (each of the
Abs. 2 key); each excess goes to all other municipalities in proportion to their current
key. The unemployed share is the plain share of the Land's unemployed; Anlage 1 AWoV may
refine it – the weights are a dated parameter row (kim/quota/domain/params.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from kim.quota.domain import tables
from kim.quota.domain.keys import PRECISION, Key
from kim.quota.domain.params import residence_key_on
from kim.quota.domain.tables import CellError, InputError, gettext_noop

COLUMNS = (("ags", tables.text), ("name", tables.text), ("population", tables.whole(1)),
           ("area_km2", tables.positive_decimal), ("unemployed", tables.whole(0)),
           ("rent_capped", tables.flag), ("high_eu_share", tables.flag))


@dataclass(frozen=True)
class Municipality:
    ags: str
    name: str
    population: int
    area_km2: Decimal
    unemployed: int
    rent_capped: bool = False
    high_eu_share: bool = False


def read(data: bytes, filename: str = "data.csv") -> list[Municipality]:
    return [Municipality(r["ags"], r["name"], r["population"], r["area_km2"],
                         r["unemployed"], r["rent_capped"], r["high_eu_share"])
            for r in tables.read_rows(data, COLUMNS, filename=filename)]


def _reduce(keys: list[Decimal], base: Sequence[Decimal], hit: Sequence[bool],
            rate: Decimal, column: str) -> list[Decimal]:
    """Take ``rate`` × the base key from every hit municipality and give the sum to the
    others in proportion to their current key."""
    taken = sum((rate * b for b, h in zip(base, hit, strict=True) if h), Decimal(0))
    others = sum((k for k, h in zip(keys, hit, strict=True) if not h), Decimal(0))
    if taken and not others:  # the law's reduction would vanish: the file must be wrong
        raise InputError([CellError(0, column, gettext_noop(
            "Every municipality is marked: the reduction would go to nobody."))])
    if taken == 0:
        return keys
    factor = 1 + taken / others
    return [k - rate * b if h else k * factor
            for k, b, h in zip(keys, base, hit, strict=True)]


def residence_keys(municipalities: Sequence[Municipality], as_of: date) -> tuple[list[Key], str]:
    """The keys in force on ``as_of`` and the parameter version used."""
    row = residence_key_on(as_of)
    w = row.value
    with localcontext() as ctx:
        ctx.prec = PRECISION
        population = Decimal(sum(m.population for m in municipalities))
        area = sum((m.area_km2 for m in municipalities), Decimal(0))
        unemployed = Decimal(sum(m.unemployed for m in municipalities))
        if not unemployed and w.unemployed:
            raise InputError([CellError(0, "unemployed", gettext_noop(
                "The unemployed of all rows add up to 0; the key needs the Land's "
                "registered unemployed."))])
        base = [w.population * m.population / population + w.area * m.area_km2 / area
                + (w.unemployed * m.unemployed / unemployed if unemployed else Decimal(0))
                for m in municipalities]
        keys = _reduce(list(base), base, [m.rent_capped for m in municipalities],
                       w.rent_capped_reduction, "rent_capped")
        keys = _reduce(keys, base, [m.high_eu_share for m in municipalities],
                       w.high_eu_reduction, "high_eu_share")
    return [Key(m.ags, m.name, k, False)
            for m, k in zip(municipalities, keys, strict=True)], row.ref
