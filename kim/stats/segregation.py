"""Segregation indices over units (schools, Kitas, districts) with a minority count and a
total each ([IMIS] 3: the unequal distribution over Soest's primary schools, 0 % to
nearly 80 %; sub-district 58 with 62.2 %).

With ``m_i`` minority members and ``t_i`` people in unit ``i``, ``n_i = t_i - m_i`` the
others, ``M = Σ m_i``, ``N = Σ n_i``, ``T = M + N``:

- **Dissimilarity** (Duncan & Duncan 1955): ``D = ½ Σ |m_i / M − n_i / N|`` – the share
  of the minority (or of the others) that would have to move to another unit for both
  groups to be spread alike; 0 = even, 1 = complete separation.
- **Isolation** (Bell 1954; Lieberson 1981, ``xP*x``): ``Σ (m_i / M) · (m_i / t_i)`` – the
  minority share in the unit of an average minority member.
- **Exposure** (Lieberson 1981, ``xP*y``): ``Σ (m_i / M) · (n_i / t_i)`` – the share of
  the others there; isolation + exposure = 1.

References: O. D. Duncan, B. Duncan, "A Methodological Analysis of Segregation Indexes",
American Sociological Review 20 (1955) 210–217; W. Bell, "A Probability Model for the
Measurement of Ecological Segregation", Social Forces 32 (1954) 357–364; S. Lieberson,
"An Asymmetrical Approach to Segregation", in: Peach, Robinson, Smith (eds.), Ethnic
Segregation in Cities (1981) 61–82; D. S. Massey, N. A. Denton, "The Dimensions of
Residential Segregation", Social Forces 67 (1988) 281–315.

Computed exactly (fractions) and rounded half up to 4 decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

DECIMALS = 4


@dataclass(frozen=True)
class Unit:
    name: str
    minority: int
    total: int


@dataclass(frozen=True)
class Segregation:
    units: int
    minority: int
    total: int
    dissimilarity: Fraction
    isolation: Fraction
    exposure: Fraction

    def rounded(self) -> dict[str, int | float]:
        return {"units": self.units, "minority": self.minority, "total": self.total,
                "dissimilarity": round_half_up(self.dissimilarity),
                "isolation": round_half_up(self.isolation),
                "exposure": round_half_up(self.exposure)}


def round_half_up(value: Fraction, decimals: int = DECIMALS) -> float:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def check_unit(unit: Unit) -> None:
    """Raises ValueError saying what is wrong with one unit."""
    if unit.total <= 0:
        raise ValueError(f"unit {unit.name!r} has a total of {unit.total}; it must be at "
                         "least 1")
    if not 0 <= unit.minority <= unit.total:
        raise ValueError(f"unit {unit.name!r}: minority {unit.minority} is not between 0 "
                         f"and the total {unit.total}")


def indices(units: Sequence[Unit]) -> Segregation:
    """The three indices; ValueError if a unit is invalid or they are undefined (no
    minority member at all, or nobody else)."""
    if not units:
        raise ValueError("no units")
    for unit in units:
        check_unit(unit)
    minority = sum(u.minority for u in units)
    total = sum(u.total for u in units)
    others = total - minority
    if minority == 0:
        raise ValueError("no unit has a minority member: the indices are undefined")
    if others == 0:
        raise ValueError("every member belongs to the minority: the dissimilarity index is "
                         "undefined")
    dissimilarity = Fraction(0)
    isolation = Fraction(0)
    for unit in units:
        share = Fraction(unit.minority, minority)
        dissimilarity += abs(share - Fraction(unit.total - unit.minority, others))
        isolation += share * Fraction(unit.minority, unit.total)
    return Segregation(len(units), minority, total, dissimilarity / 2, isolation,
                       1 - isolation)
