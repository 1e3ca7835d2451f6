"""Disclosure control: exact cases and hypothesis properties (pure Python, no database)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from kim.core.reports.disclosure import (
    PRIMARY_MARKER,
    SECONDARY_MARKER,
    SECRET_MARKER,
    TOTALS,
    audit,
    protect,
)

P, X, S = PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER


def test_table_without_small_numbers_is_unchanged():
    rows = [{"k": "a", "n": 0}, {"k": "b", "n": 12}]
    result = protect(rows, {"n": 12}, ["n"])
    assert (result.rows, result.totals, result.suppressed) == (rows, {"n": 12}, False)
    assert result.cells == []


def test_small_cell_and_smallest_other_cell_of_its_column_are_hidden():
    rows = [{"k": "a", "n": 1}, {"k": "b", "n": 5}, {"k": "c", "n": 7}]
    result = protect(rows, {"n": 13}, ["n"])
    assert [r["n"] for r in result.rows] == [P, X, 7]
    assert result.totals == {"n": 13}
    assert result.suppressed is True
    assert result.cells == [((0, "n"), P), ((1, "n"), X)]


def test_zero_stays_zero_and_two_small_cells_protect_each_other():
    rows = [{"n": 0}, {"n": 2}, {"n": 1}, {"n": 9}]
    result = protect(rows, {"n": 12}, ["n"])
    assert [r["n"] for r in result.rows] == [0, P, P, 9]


def test_without_published_totals_only_primary_suppression():
    rows = [{"n": 1}, {"n": 5}]
    assert [r["n"] for r in protect(rows, {}, ["n"]).rows] == [P, 5]


def test_small_total_is_hidden_too():
    rows = [{"n": 2}, {"n": 0}]
    result = protect(rows, {"n": 2}, ["n"])
    assert [r["n"] for r in result.rows] == [P, 0]
    assert result.totals == {"n": P}


def test_all_equations_together_need_fewer_secondary_cells():
    # Row 0: "<3" + x = 5 and column a: "<3" + 6 = x keep the 1 at 1 or 2; the old
    # one-equation-at-a-time method also hid the row-1 total, the 6 and the total column
    # (5 cells). Checked together, three are enough: b, and the totals of a and b.
    rows = [{"a": 1, "b": 4, "t": 5}, {"a": 6, "b": 0, "t": 6}]
    totals = {"a": 7, "b": 4, "t": 11}
    result = protect(rows, totals, ["a", "b", "t"], {"t": ("a", "b")})
    assert result.rows == [{"a": P, "b": X, "t": 5}, {"a": 6, "b": 0, "t": 6}]
    assert result.totals == {"a": X, "b": X, "t": 11}
    assert audit(result.rows, result.totals, ["a", "b", "t"], {"t": ("a", "b")}).safe


def test_secondary_choice_takes_the_smallest_non_zero_cell():
    rows = [{"a": 1, "b": 0, "c": 9, "d": 4, "t": 14}]
    result = protect(rows, {}, ["a", "b", "c", "d", "t"], {"t": ("a", "b", "c", "d")})
    assert result.rows == [{"a": P, "b": 0, "c": 9, "d": X, "t": 14}]


def test_percent_of_a_row_with_hidden_counts_is_hidden():
    rows = [{"k": "a", "n": 1, "share": 10.0}, {"k": "b", "n": 9, "share": 90.0}]
    result = protect(rows, {"n": 10, "share": 100.0}, ["n"], derived_keys=["share"])
    # the 9 is hidden too (column total), so both shares go; the totals row stays
    assert result.rows == [{"k": "a", "n": P, "share": X}, {"k": "b", "n": X, "share": X}]
    assert result.totals == {"n": 10, "share": 100.0}


def test_text_and_none_cells_are_left_alone():
    rows = [{"k": "=1+1", "n": None}, {"k": "b", "n": 1}]
    result = protect(rows, {}, ["n"])
    assert result.rows == [{"k": "=1+1", "n": None}, {"k": "b", "n": P}]


def test_small_cells_that_must_all_be_one_get_a_secondary_cell():
    # seven "<3" beside 10 with total 21 would have to be 1 each; hiding the 4 prevents it
    column = [1, 4, 10, 1, 1, 1, 1, 1, 1]
    result = protect([{"n": v} for v in column], {"n": 21}, ["n"])
    assert [r["n"] for r in result.rows] == [P, X, 10, P, P, P, P, P, P]
    assert result.totals == {"n": 21}


def test_a_secondary_cell_of_three_cannot_give_way_but_the_seven_can():
    # 1 + 3 + 7 = 11: a witness table with 2 in place of the 1 must lower another cell; the
    # 3 cannot go lower (it would read "<3"), the 7 can: "<3" + 3 + x = 11 leaves 1 or 2.
    result = protect([{"n": 1}, {"n": 3}, {"n": 7}], {"n": 11}, ["n"])
    assert [r["n"] for r in result.rows] == [P, 3, X]


def test_a_line_of_small_counts_only_is_kept_secret():
    # "<3" + "<3" = "<3" could only be 1 + 1 = 2: "." says no more than "at least 1"
    result = protect([{"n": 1}, {"n": 1}, {"n": 0}], {"n": 2}, ["n"])
    assert [r["n"] for r in result.rows] == [S, S, 0] and result.totals == {"n": S}
    assert result.cells == [((0, "n"), S), ((1, "n"), S), ((TOTALS, "n"), S)]
    assert audit(result.rows, result.totals, ["n"]).safe


# --- properties --------------------------------------------------------------------

small_biased = st.one_of(st.integers(0, 3), st.integers(0, 12))


@st.composite
def tables(draw):
    n_rows = draw(st.integers(1, 5))
    n_cols = draw(st.integers(1, 3))
    keys = [f"c{i}" for i in range(n_cols)]
    with_row_total = draw(st.booleans())
    with_col_totals = draw(st.booleans())
    rows = []
    for _ in range(n_rows):
        row = {k: draw(small_biased) for k in keys}
        if with_row_total:
            row["t"] = sum(row[k] for k in keys)
        rows.append(row)
    count_keys = keys + (["t"] if with_row_total else [])
    totals = ({k: sum(r[k] for r in rows) for k in count_keys} if with_col_totals else {})
    row_sums = {"t": tuple(keys)} if with_row_total else {}
    return rows, totals, count_keys, row_sums


def hidden(value):
    return value in (P, X, S)


@settings(max_examples=150, deadline=None, database=None)
@given(tables())
def test_properties_of_suppression(table):
    rows, totals, count_keys, row_sums = table
    result = protect(rows, totals, count_keys, row_sums)

    def original(cell):
        r, k = cell
        return totals[k] if r == TOTALS else rows[r][k]

    def shown(cell):
        r, k = cell
        return result.totals[k] if r == TOTALS else result.rows[r][k]

    all_cells = [(r, k) for r in range(len(rows)) for k in count_keys]
    all_cells += [(TOTALS, k) for k in totals]
    for cell in all_cells:
        before, after = original(cell), shown(cell)
        if before in (1, 2):  # every small count is hidden as "<3" (or "." if need be)
            assert after == (S if cell in result.secret else P)
        elif hidden(after):
            assert after == X and before >= 3  # secondary cells are never small or zero
        else:
            assert after == before  # visible cells keep their values
        assert after not in (1, 2)
    # No hidden small count can be worked out from all equations together; "." exactly
    # where a "<3" would be exposed even with every non-zero cell hidden.
    assert audit(result.rows, result.totals, count_keys, row_sums).safe
    everything = [{k: (X if v >= 3 else P if v else 0) for k, v in row.items()}
                  for row in rows]
    all_hidden = {k: (X if v >= 3 else P if v else 0) for k, v in totals.items()}
    assert result.secret == set(audit(everything, all_hidden, count_keys, row_sums).exposed)
    assert result.unprotectable == frozenset()
    assert result.suppressed == any(hidden(shown(c)) for c in all_cells)
    assert len(result.cells) == sum(hidden(shown(c)) for c in all_cells)
