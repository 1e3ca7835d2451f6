"""Segregation indices: textbook cases and properties; number parsing (pure)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kim.stats.csvio import parse_count, parse_number
from kim.stats.segregation import Unit, indices, round_half_up


def test_even_spread_and_complete_separation():
    even = indices([Unit("a", 10, 100), Unit("b", 20, 200)])
    assert (even.dissimilarity, even.isolation, even.exposure) == (0, Fraction(1, 10),
                                                                  Fraction(9, 10))
    apart = indices([Unit("a", 30, 30), Unit("b", 0, 70)])
    assert (apart.dissimilarity, apart.isolation, apart.exposure) == (1, 1, 0)


def test_primary_schools_from_zero_to_eighty_percent():
    # [IMIS] 3: one school nearly 80 % pupils with a migration history, another none
    result = indices([Unit("A", 160, 200), Unit("B", 0, 180), Unit("C", 60, 240)])
    # M = 220, N = 400: D = (|160/220 - 40/400| + |0 - 180/400| + |60/220 - 180/400|) / 2
    #                      = (69/110 + 9/20 + 39/220) / 2 = 69/110
    assert result.dissimilarity == Fraction(69, 110)
    assert result.rounded() == {"units": 3, "minority": 220, "total": 620,
                                "dissimilarity": 0.6273, "isolation": 0.6500,
                                "exposure": 0.3500}


def test_rounding_is_half_up_on_the_exact_value():
    assert round_half_up(Fraction(12345, 100000)) == 0.1235
    assert round_half_up(Fraction(12344999, 100000000)) == 0.1234


def test_invalid_units():
    with pytest.raises(ValueError, match="unit 'a' has a total of 0"):
        indices([Unit("a", 0, 0)])
    with pytest.raises(ValueError, match="minority 3 is not between 0 and the total 2"):
        indices([Unit("a", 3, 2)])
    with pytest.raises(ValueError, match="no units"):
        indices([])


units = st.lists(st.tuples(st.integers(0, 500), st.integers(1, 500)), min_size=1,
                 max_size=12).map(lambda pairs: [Unit(str(i), min(m, t), t)
                                                 for i, (m, t) in enumerate(pairs)])


@given(units)
def test_properties(sample):
    minority = sum(u.minority for u in sample)
    total = sum(u.total for u in sample)
    if minority in (0, total):
        with pytest.raises(ValueError):
            indices(sample)
        return
    result = indices(sample)
    assert 0 <= result.dissimilarity <= 1
    assert result.isolation + result.exposure == 1
    assert result.isolation >= Fraction(minority, total)  # Σ m²/t ≥ M²/T
    # the same figures in another order give the same indices
    assert indices(sample[::-1]) == result


@pytest.mark.parametrize(("text", "count", "number"), [
    ("0", 0, Decimal(0)), ("1234", 1234, Decimal(1234)), ("1.234", 1234, Decimal(1234)),
    ("1.234.567", 1234567, Decimal(1234567)), ("12,5", None, Decimal("12.5")),
    ("1.234,56", None, Decimal("1234.56")), ("12.5", None, Decimal("12.5")),
    ("-7", None, Decimal(-7)), ("1.23", None, Decimal("1.23")), ("12.34.5", None, None),
    ("1e3", None, None), ("", None, None), ("1 234", None, None),
])
def test_numbers(text, count, number):
    assert parse_number(text) == number
    if count is None:
        with pytest.raises(ValueError):
            parse_count(text)
    else:
        assert parse_count(text) == count
