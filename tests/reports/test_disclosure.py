"""Disclosure control: exact cases and hypothesis properties (pure Python, no database)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from kim.core.reports.disclosure import (
    PRIMARY_MARKER,
    SECONDARY_MARKER,
    TOTALS,
    protect,
    table_lines,
)

P, X = PRIMARY_MARKER, SECONDARY_MARKER


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


def test_total_is_hidden_when_no_other_cell_can_be():
    # Column a: the 1 forces the 6 to be hidden; row 1 then has only a zero beside the 6,
    # so its row total (which equals the 6) must go; that cascades into the totals row
    # and the total column. Only the grand total survives.
    rows = [{"a": 1, "b": 4, "t": 5}, {"a": 6, "b": 0, "t": 6}]
    totals = {"a": 7, "b": 4, "t": 11}
    result = protect(rows, totals, ["a", "b", "t"], {"t": ("a", "b")})
    assert result.rows == [{"a": P, "b": X, "t": X}, {"a": X, "b": 0, "t": X}]
    assert result.totals == {"a": X, "b": X, "t": 11}


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


def test_a_secondary_cell_of_three_is_not_enough_cover():
    # 1 + 3 + 7 = 11: with "<3" and "x" (at least 3) the 1 would follow from 11 - 7 = 4
    result = protect([{"n": 1}, {"n": 3}, {"n": 7}], {"n": 11}, ["n"])
    assert [r["n"] for r in result.rows] == [P, X, X]


def test_a_line_of_small_counts_only_cannot_be_helped_and_is_left_alone():
    result = protect([{"n": 1}, {"n": 1}, {"n": 0}], {"n": 2}, ["n"])
    assert [r["n"] for r in result.rows] == [P, P, 0] and result.totals == {"n": P}


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
    return value in (P, X)


UNBOUNDED = 400  # stands in for "no upper bound" of an "x" cell; far above any table sum


def feasible_values(line, target, shown, original):
    """Brute force: every value of ``target`` consistent with what the line shows, given
    that "<3" is 1 or 2 and "x" is 3 or more (independent of the implementation)."""
    def domain(cell):
        return {1, 2} if shown(cell) == P else set(range(3, UNBOUNDED))

    terms = [(c, 1) for c in line.members if hidden(shown(c))]
    if hidden(shown(line.total)):
        terms.append((line.total, -1))
    known = (0 if hidden(shown(line.total)) else original(line.total)) - sum(
        original(c) for c in line.members if not hidden(shown(c)))
    reachable = {0}
    for cell, sign in terms:
        if cell != target:
            reachable = {r + sign * x for r in reachable for x in domain(cell)
                         if abs(r + sign * x) < 2 * UNBOUNDED}
    sign = dict(terms)[target]
    return {x for x in domain(target) if known - sign * x in reachable}


@settings(max_examples=400, deadline=None, database=None)
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
        if before in (1, 2):
            assert after == P  # every small count is hidden as "<3"
        elif hidden(after):
            assert after == X and before >= 3  # secondary cells are never small or zero
        else:
            assert after == before  # visible cells keep their values
        assert after not in (1, 2)

    # No published equation (row sum or column total) pins a hidden cell down to one
    # value, unless every non-zero cell of it is hidden already (nothing left to hide).
    for line in table_lines(len(rows), count_keys, row_sums, totals):
        if all(hidden(shown(c)) for c in line.cells if original(c) != 0):
            continue
        for cell in line.cells:
            if hidden(shown(cell)):
                assert len(feasible_values(line, cell, shown, original)) > 1, (line, cell)
    assert result.suppressed == any(hidden(shown(c)) for c in all_cells)
    assert len(result.cells) == sum(hidden(shown(c)) for c in all_cells)
