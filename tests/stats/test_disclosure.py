"""Protection: exact cases, and protect + audit on random tables with any relations."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim.stats.audit import audit
from kim.stats.disclosure import protect, publish
from kim.stats.linear import Relation, grid_relations, grid_values

P, X, S = "<3", "x", "."


def grid(cells, **options):
    values = grid_values(cells)
    relations = grid_relations(len(cells), len(cells[0]))
    return protect(values, relations, **options), values, relations


def rows_of(result, n_rows, n_cols):
    return [[result.published[(i, j)] for j in range(n_cols + 1)] for i in range(n_rows + 1)]


def test_nothing_small_nothing_hidden():
    result, values, _ = grid([[0, 4], [5, 6]])
    assert result.published == values and result.method == "none"
    assert (result.primary, result.secondary) == (frozenset(), frozenset())


def test_one_small_cell_in_a_two_way_table():
    # a witness table 2 in place of the 1 moves a cycle of four cells: the 1, its row's
    # and its column's cheapest partners, and the cell closing the rectangle
    result, _, relations = grid([[1, 5, 9], [6, 7, 8], [9, 9, 9]])
    assert rows_of(result, 3, 3) == [[P, X, 9, 15], [X, X, 8, 21], [9, 9, 9, 27],
                                     [16, 21, 26, 63]]
    assert result.secondary == {(0, 1), (1, 0), (1, 1)}
    assert audit(result.published, relations).safe


def test_zeros_are_never_hidden_so_the_margin_moves_with_the_small_cell():
    # row 0 is 1 + 0 = 1: the row total is small too and moves with the 1; the column
    # partner 4 and its row total 10 give way: "<3" + x = 5 with x ≥ 3
    result, _, relations = grid([[1, 0], [4, 6]])
    assert rows_of(result, 2, 2) == [[P, 0, P], [X, 6, X], [5, 6, 11]]
    assert audit(result.published, relations).safe


def test_a_line_of_small_counts_only_is_kept_secret():
    # "<3" + "<3" = "<3" could only be 1 + 1 = 2: shown "." (at least 1), the line holds
    result, _, relations = grid([[1], [1], [0]])
    assert rows_of(result, 3, 1) == [[S, S], [S, S], [0, 0], [S, S]]
    assert result.secret == {(0, 0), (0, 1), (1, 0), (1, 1), (3, 0), (3, 1)}
    assert result.unprotectable == frozenset()
    assert audit(result.published, relations).safe


def test_two_in_one_by_the_families_relation_is_kept_secret_and_protected():
    # persons ≥ 2 · households: "<3" persons with "<3" households can only be 2 in 1.
    # Shown ".", and the totals that would give them back (12 − 10, 11 − 10) are hidden.
    values = {"p": 2, "h": 1, "p_other": 10, "h_other": 10, "p_all": 12, "h_all": 11}
    relations = [Relation.at_least("p", ["h"], factor=2),
                 Relation.total("p_other", ["h_other"]),
                 Relation.total("p_all", ["p", "p_other"]),
                 Relation.total("h_all", ["h", "h_other"])]
    as_small = publish(values, frozenset({"p", "h"}), {"p_all", "h_all"})
    assert set(audit(as_small, relations).exposed) == {"p", "h"}
    result = protect(values, relations)
    assert result.published == {"p": S, "h": S, "p_other": 10, "h_other": 10,
                                "p_all": X, "h_all": X}
    assert result.secret == {"p", "h"} and result.unprotectable == frozenset()
    ranges = {r.cell: (r.low, r.high) for r in audit(result.published, relations).ranges}
    assert ranges["h"][0] == 1 and ranges["h"][1] > 1
    assert ranges["p"][0] == 2 and ranges["p"][1] > 2


def test_exact_needs_no_more_cells_than_the_heuristic():
    cells = [[5, 1, 7, 3], [3, 8, 9, 0], [4, 6, 2, 13], [0, 2, 5, 4]]
    exact, values, relations = grid(cells)
    heuristic, _, _ = grid(cells, exact_limit=0)
    assert (exact.method, heuristic.method) == ("exact", "heuristic")
    assert len(exact.secondary) <= len(heuristic.secondary)
    for result in (exact, heuristic):
        assert audit(result.published, relations).safe
        assert result.primary == {c for c, v in values.items() if v in (1, 2)}


def test_same_table_same_answer():
    # Two different patterns for the same figures could be combined by a reader.
    cells = [[1, 4, 6, 2], [3, 0, 8, 5], [7, 2, 1, 9]]
    first = grid(cells)[0]
    assert all(grid(cells)[0] == first for _ in range(3))
    assert all(grid(cells, exact_limit=0)[0] == grid(cells, exact_limit=0)[0]
               for _ in range(2))


def test_singles_households_equal_persons():
    # [Soest] Tab. 7 shape: persons and households per category for singles; a hidden
    # household count next to a visible person count would give it back.
    values = {("p", 0): 3, ("p", 1): 1, ("p", 2): 9, ("p", "t"): 13,
              ("h", 0): 3, ("h", 1): 1, ("h", 2): 9, ("h", "t"): 13}
    relations = [Relation.total(("p", "t"), [("p", i) for i in range(3)]),
                 Relation.total(("h", "t"), [("h", i) for i in range(3)]),
                 *(Relation.total(("p", i), [("h", i)]) for i in range(3))]
    result = protect(values, relations)
    shown = result.published
    for i in range(3):
        assert (shown[("p", i)] in (P, X)) == (shown[("h", i)] in (P, X))
    assert audit(shown, relations).safe


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="not a non-negative whole number"):
        protect({"a": -1}, [])
    with pytest.raises(ValueError, match="not a non-negative whole number"):
        protect({"a": True}, [])
    with pytest.raises(ValueError, match="does not hold"):
        protect({"a": 1, "b": 1, "t": 3}, [Relation.total("t", ["a", "b"])])


# --- properties ----------------------------------------------------------------------

counts = st.one_of(st.integers(0, 3), st.integers(0, 15), st.integers(0, 60))


@st.composite
def grids(draw):
    n_rows, n_cols = draw(st.integers(1, 6)), draw(st.integers(1, 5))
    cells = [[draw(counts) for _ in range(n_cols)] for _ in range(n_rows)]
    return grid_values(cells), grid_relations(n_rows, n_cols)


@st.composite
def placement_tables(draw):
    """Persons and households by row and category with margins (like [Soest] Tab. 7):
    singles rows persons = households, family rows persons ≥ 2 · households, and a
    latent "children ≤ persons" per row total."""
    n_rows, n_cols = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    singles = [draw(st.booleans()) for _ in range(n_rows)]
    households = [[draw(counts) for _ in range(n_cols)] for _ in range(n_rows)]
    persons = [[h if single else 2 * h + draw(st.integers(0, 4)) for h in row]
               for single, row in zip(singles, households, strict=True)]
    values, relations = {}, []
    for name, cells in (("p", persons), ("h", households)):
        values |= {(name, *key): v for key, v in grid_values(cells).items()}
        relations += [Relation(tuple(((name, *c), a) for c, a in r.terms), r.sense)
                      for r in grid_relations(n_rows, n_cols)]
    for i, single in enumerate(singles):
        for j in range(n_cols):
            if single:
                relations.append(Relation.total(("p", i, j), [("h", i, j)]))
            else:
                relations.append(Relation.at_least(("p", i, j), [("h", i, j)], factor=2))
        children = draw(st.integers(0, values[("p", i, n_cols)]))
        values[("c", i)] = children
        relations.append(Relation.total(("p", i, n_cols), [("c", i), ("adults", i)]))
    return values, relations


def check_protection(values, relations, result):
    shown = result.published
    for cell, value in values.items():
        if value in (1, 2):
            assert shown[cell] == (S if cell in result.secret else P)
        elif shown[cell] == X:
            assert value >= 3  # zeros and small counts are never secondary
        else:
            assert shown[cell] == value
    assert audit(shown, relations).safe and result.unprotectable == frozenset()
    # "." exactly where "<3" would be exposed even with every non-zero cell hidden
    everything = publish(values, result.primary, {c for c, v in values.items() if v >= 3})
    assert result.secret == set(audit(everything, relations).exposed)


@settings(max_examples=120, deadline=None, database=None)
@given(grids())
def test_protect_then_audit_on_random_tables(table):
    values, relations = table
    check_protection(values, relations, protect(values, relations))


@settings(max_examples=60, deadline=None, database=None)
@given(grids())
def test_heuristic_alone_also_holds(table):
    values, relations = table
    check_protection(values, relations, protect(values, relations, exact_limit=0))


@settings(max_examples=80, deadline=None, database=None)
@given(placement_tables(), st.booleans())
def test_protect_then_audit_with_further_relations(table, exact):
    values, relations = table
    result = protect(values, relations, exact_limit=600 if exact else 0)
    check_protection(values, relations, result)
