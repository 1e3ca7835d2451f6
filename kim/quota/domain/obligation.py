"""FlüAG obligation and fulfilment ([Soest] Tab. 1; product.md §2.3, §5.3), in ``Decimal``.

credited = stock + regular state-facility places × rate + reserve places × rate (the rates
in force on ``as_of``); obligation = key × Σ credited of all rows; gap = credited −
obligation; quota = credited / obligation × 100. Rank 1 = lowest quota, i.e. next to
receive assignments; ties: larger absolute gap first, then AGS. Obligation, gap and quota
are rounded (half up) to 2 decimals at output only; the rank compares these published
values, so a reader can check it against the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

from kim.quota.domain import tables
from kim.quota.domain.keys import PRECISION
from kim.quota.domain.params import crediting_on
from kim.quota.domain.tables import CellError, InputError, gettext_noop

CENT = Decimal("0.01")
COLUMNS = (("ags", tables.text), ("name", tables.text), ("key_percent", tables.percent),
           ("stock", tables.whole(0)), ("facility_regular_places", tables.whole(0)),
           ("facility_reserve_places", tables.whole(0)))


@dataclass(frozen=True)
class Entry:
    ags: str
    name: str
    key_percent: Decimal
    stock: int
    facility_regular_places: int = 0
    facility_reserve_places: int = 0


@dataclass(frozen=True)
class Fulfilment:
    ags: str
    name: str
    key_percent: Decimal
    stock: int
    facility_regular_places: int
    facility_reserve_places: int
    facility_credited: Decimal
    credited: Decimal
    obligation: Decimal  # rounded to 2 decimals
    gap: Decimal  # rounded
    quota_percent: Decimal  # rounded
    rank: int
    exact_obligation: Decimal  # unrounded, for the forecast


@dataclass(frozen=True)
class Table:
    rows: list[Fulfilment]  # in input order
    as_of: date
    crediting_ref: str
    total_credited: Decimal

    @property
    def by_rank(self) -> list[Fulfilment]:
        return sorted(self.rows, key=lambda r: r.rank)

    def find(self, ags: str) -> Fulfilment | None:
        return next((r for r in self.rows if r.ags == ags), None)


def read(data: bytes, filename: str = "data.csv") -> list[Entry]:
    """The Land's table from a CSV or (``filename`` ending .xlsx) XLSX file."""
    return [Entry(r["ags"], r["name"], r["key_percent"], r["stock"],
                  r["facility_regular_places"], r["facility_reserve_places"])
            for r in tables.read_rows(data, COLUMNS, filename=filename)]


KEY_SUM_TOLERANCE = Decimal("0.01")  # percentage points: rounding of published keys only


def check_keys(entries: Sequence[Entry]) -> None:
    """The obligation shares the whole Land's credited total: the keys must add up to
    100 % (up to rounding), or every quota is wrong – e.g. 200 % for half a Land."""
    total = sum((e.key_percent for e in entries), Decimal(0))
    if abs(total - 100) > KEY_SUM_TOLERANCE:
        raise InputError([CellError(0, "key_percent", gettext_noop(
            "The keys add up to %(total)s %%, not 100 %%: the file must hold every "
            "municipality of the Land."), {"total": f"{total.normalize():f}"})])


def compute(entries: Sequence[Entry], as_of: date) -> Table:
    check_keys(entries)
    rates = crediting_on(as_of)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        facility = [e.facility_regular_places * rates.value.regular
                    + e.facility_reserve_places * rates.value.reserve for e in entries]
        credited = [e.stock + f for e, f in zip(entries, facility, strict=True)]
        total = sum(credited, Decimal(0))
        if total <= 0:
            raise InputError([CellError(0, "", gettext_noop(
                "The credited total of all rows is 0, so there is no obligation."))])
        exact = [e.key_percent / 100 * total for e in entries]
        rows = [
            (e, f, c, o, (c - o).quantize(CENT, ROUND_HALF_UP),
             (c / o * 100).quantize(CENT, ROUND_HALF_UP))
            for e, f, c, o in zip(entries, facility, credited, exact, strict=True)]
    order = sorted(range(len(rows)),
                   key=lambda i: (rows[i][5], -abs(rows[i][4]), rows[i][0].ags))
    rank = {i: position for position, i in enumerate(order, start=1)}
    result = [
        Fulfilment(e.ags, e.name, e.key_percent, e.stock, e.facility_regular_places,
                   e.facility_reserve_places, _plain(f), _plain(c),
                   o.quantize(CENT, ROUND_HALF_UP), gap, quota, rank[i], o)
        for i, (e, f, c, o, gap, quota) in enumerate(rows)]
    return Table(result, as_of, rates.ref, _plain(total))


def _plain(value: Decimal) -> Decimal:
    """Credited places are exact (at most one decimal with the rates of law): drop trailing
    zeros, keep integers integral (``172``, ``172.5``)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
