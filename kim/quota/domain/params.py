"""Dated parameters of the NRW allocation rules (legal-rules.md §4).

Like ``kim.rules.params``: a change of law is a new row plus a test, never an ``if``.
Rows marked ``unconfirmed`` are the doc's (U) rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kim.rules.tables import Row, Table

D = date


@dataclass(frozen=True, slots=True)
class Crediting:
    """Share of a state facility's places credited to the municipality (§ 3 Abs. 5 FlüAG)."""

    regular: Decimal
    reserve: Decimal


@dataclass(frozen=True, slots=True)
class FlueagWeights:
    """§ 3 Abs. 1/2 FlüAG key: weights of the population and area shares, and the cap of a
    key at ``cap`` × the municipality's pure population share (excess redistributed)."""

    population: Decimal
    area: Decimal
    cap: Decimal


@dataclass(frozen=True, slots=True)
class ResidenceKeyWeights:
    """§ 4 AWoV integration key: weights of the shares, and the reductions (of the
    Abs. 2 key) for rent-capped municipalities and for a high EU-SGB II share."""

    population: Decimal
    area: Decimal
    unemployed: Decimal
    rent_capped_reduction: Decimal
    high_eu_reduction: Decimal


# FlüAG § 3 Abs. 1/2 key: 90 % population + 10 % area, area uplift capped at +25 %
# (legal-rules.md §4: "long-standing" – one open row until the law changes).
FLUEAG_KEY: Table[FlueagWeights] = Table(
    "fluag.key",
    [
        Row("fluag.key", None, None,
            FlueagWeights(Decimal("0.9"), Decimal("0.1"), Decimal("1.25")),
            "§ 3 Abs. 1, 2 FlüAG (90 % population, 10 % area, at most +25 %)"),
    ],
)

CREDITING: Table[Crediting] = Table(
    "fluag.crediting",
    [
        Row("fluag.crediting@until-2023-11-30", None, D(2023, 11, 30),
            Crediting(Decimal("0.5"), Decimal("0.1")),
            "§ 3 Abs. 5 FlüAG a.F. (regular places 50 %, reserve places 10 %; [Soest] 4.1)",
            unconfirmed=True),
        Row("fluag.crediting@2023-12-01", D(2023, 12, 1), None,
            Crediting(Decimal("1"), Decimal("1")),
            "§ 3 Abs. 5 FlüAG (100 % of the capacity)"),
    ],
)

# ``None`` as value: the version exists in law but its figures are not configured yet.
RESIDENCE_KEY: Table[ResidenceKeyWeights | None] = Table(
    "awov.key",
    [
        Row("awov.key@2016-12-01", D(2016, 12, 1), D(2021, 3, 31),
            ResidenceKeyWeights(Decimal("0.8"), Decimal("0.1"), Decimal("0.1"),
                                Decimal("0.1"), Decimal("0.1")),
            "§ 4 AWoV NRW v. 15.11.2016"),
        Row("awov.key@2021-04-01", D(2021, 4, 1), None, None,
            "AWoV NRW i.d.F. v. 03.03.2021", unconfirmed=True),
    ],
)


class ParameterMissing(LookupError):
    """No parameter version is configured for the date asked."""


def flueag_key_on(day: date) -> Row[FlueagWeights]:
    row = FLUEAG_KEY.on(day)
    if row is None:
        raise ParameterMissing(f"no FlüAG key weights for {day.isoformat()}")
    return row


def crediting_on(day: date) -> Row[Crediting]:
    row = CREDITING.on(day)
    if row is None:
        raise ParameterMissing(f"no crediting rates for {day.isoformat()}")
    return row


def residence_key_on(day: date) -> Row[ResidenceKeyWeights]:
    row = RESIDENCE_KEY.on(day)
    if row is None or row.value is None:
        raise ParameterMissing(
            f"no § 12a residence-assignment key is configured for {day.isoformat()}")
    return row  # type: ignore[return-value]
