"""FlüAG obligation, gap, quota and rank; crediting rates by date ([Soest] Tab. 1)."""

import datetime
from decimal import Decimal as D

import pytest

from kim.quota.domain.obligation import Entry, compute, read
from kim.quota.domain.params import ParameterMissing, crediting_on
from kim.quota.domain.tables import InputError
from tests.quota.conftest import SOEST_AGS, land_csv, soest_land

SEPT_2018 = datetime.date(2018, 9, 30)


def test_soest_table_1_is_reproduced():
    table = compute(read(soest_land()), SEPT_2018)
    assert table.total_credited == 81155
    soest = table.find(SOEST_AGS)
    assert (soest.credited, soest.obligation, soest.gap, soest.quota_percent) == (
        D("172"), D("217.39"), D("-45.39"), D("79.12"))
    assert soest.rank == 1  # the lowest quota: next to receive assignments
    assert table.crediting_ref == "fluag.crediting@until-2023-11-30 (U)"


def test_state_facility_places_are_credited_at_the_rates_in_force():
    (before, after) = (compute(read(soest_land()), SEPT_2018),
                       compute(read(soest_land()), datetime.date(2023, 12, 1)))
    assert before.find("05111000").facility_credited == D("420")  # 800 × 50 % + 200 × 10 %
    assert after.find("05111000").facility_credited == D("1000")  # 100 % from 01.12.2023
    assert after.total_credited == 81155 + 580
    assert crediting_on(datetime.date(2023, 11, 30)).value.regular == D("0.5")
    assert crediting_on(datetime.date(2023, 12, 1)).value.reserve == D("1")


def test_odd_places_give_exact_fractions():
    table = compute([Entry("1", "A", D("50"), 10, 3, 1), Entry("2", "B", D("50"), 10, 0, 0)],
                    SEPT_2018)
    assert table.rows[0].credited == D("11.6")  # 10 + 1.5 + 0.1
    assert table.rows[0].obligation == D("10.80") and table.rows[0].gap == D("0.80")


def test_rank_ties_go_to_the_larger_gap_then_the_ags():
    entries = [Entry("3", "C", D("20"), 20, 0, 0),  # quota 50 %, gap −20
               Entry("2", "B", D("10"), 10, 0, 0),  # quota 50 %, gap −10
               Entry("1", "A", D("10"), 10, 0, 0),  # quota 50 %, gap −10: AGS decides
               Entry("4", "D", D("60"), 160, 0, 0)]  # quota 133.33 %
    table = compute(entries, SEPT_2018)
    assert [(r.ags, r.rank) for r in table.by_rank] == [("3", 1), ("1", 2), ("2", 3),
                                                        ("4", 4)]
    assert table.find("4").quota_percent == D("133.33")
    assert [r.ags for r in table.rows] == ["3", "2", "1", "4"]  # output keeps input order


def test_rounding_is_half_up_at_output_only():
    # key 1/8 of a total of 100 → obligation 12.5 exactly; quota 12 / 12.5 = 96 %
    table = compute([Entry("1", "A", D("12.5"), 12, 0, 0), Entry("2", "B", D("87.5"), 88, 0, 0)],
                    SEPT_2018)
    assert (table.rows[0].obligation, table.rows[0].gap) == (D("12.50"), D("-0.50"))
    table = compute([Entry("1", "A", D("0.005"), 0, 0, 0), Entry("2", "B", D("99.995"), 100,
                                                                    0, 0)], SEPT_2018)
    assert table.rows[0].obligation == D("0.01")  # 0.005 rounds half up


def test_a_zero_total_is_an_error():
    with pytest.raises(InputError, match="credited total"):
        compute([Entry("1", "A", D("100"), 0, 0, 0)], SEPT_2018)


@pytest.mark.parametrize(("row", "where"), [
    (("1", "A", "0", 1, 0, 0), "row 2, column key_percent"),
    (("1", "A", "101", 1, 0, 0), "row 2, column key_percent"),
    (("1", "A", "1e2", 1, 0, 0), "row 2, column key_percent"),
    (("1", "A", "1", "1.5", 0, 0), "row 2, column stock"),
    (("1", "A", "1", 1, "", 0), "row 2, column facility_regular_places"),
    (("1", "", "1", 1, 0, "-1"), "row 2, column name"),
])
def test_bad_cells_name_row_and_column(row, where):
    with pytest.raises(InputError) as exc:
        read(land_csv([row]))
    assert where in str(exc.value)


def test_every_error_is_reported_at_once():
    with pytest.raises(InputError) as exc:
        read(land_csv([("1", "A", "x", 1, 0, 0), ("2", "B", "1", "y", 0, 0)]))
    assert [(e.row, e.column) for e in exc.value.errors] == [(2, "key_percent"), (3, "stock")]


def test_crediting_rates_exist_for_every_date():
    assert crediting_on(datetime.date(2005, 1, 1)).value.regular == D("0.5")
    with pytest.raises(ParameterMissing):
        from kim.quota.domain.params import residence_key_on
        residence_key_on(datetime.date(2016, 11, 30))
