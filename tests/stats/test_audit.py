"""The LP audit: exact cases of what a reader can and cannot work out (no database)."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim.stats.audit import InconsistentTable, audit, reader_bounds
from kim.stats.linear import Relation, grid_relations

P, X, S = "<3", "x", "."
total = Relation.total


def ranges(published, relations):
    return {r.cell: (r.low, r.high) for r in audit(published, relations).ranges}


def test_one_hidden_cell_beside_a_visible_total_is_exposed():
    result = audit({"a": P, "b": 5, "t": 6}, [total("t", ["a", "b"])])
    assert result.exposed == ("a",)
    assert ranges({"a": P, "b": 5, "t": 6}, [total("t", ["a", "b"])]) == {"a": (1, 1)}


def test_small_cell_and_secondary_cell_cover_each_other():
    assert ranges({"a": P, "b": X, "t": 8}, [total("t", ["a", "b"])]) == {"a": (1, 2)}


def test_x_is_at_least_three():
    # "<3" + "x" = 4: x ≥ 3 leaves only 1 for the small cell
    assert ranges({"a": P, "b": X, "t": 4}, [total("t", ["a", "b"])]) == {"a": (1, 1)}
    assert reader_bounds(X)[0] == 3 and reader_bounds(P) == (1, 2)
    assert reader_bounds(None) == (0, float("inf"))  # latent


def test_secret_is_at_least_one_without_upper_bound():
    assert reader_bounds(S) == (1, float("inf"))
    # "." + "<3" = 2: only 1 + 1
    assert ranges({"a": S, "b": P, "t": 2}, [total("t", ["a", "b"])]) == {
        "a": (1, 1), "b": (1, 1)}
    # "." + 5 = "x": the "." can be anything from 1 up; the audit shows two values
    assert ranges({"a": S, "b": 5, "t": X}, [total("t", ["a", "b"])])["a"][0] == 1
    assert audit({"a": S, "b": 5, "t": X}, [total("t", ["a", "b"])]).safe
    # persons ≥ 2 · households, both ".", persons + 10 = 12: households can only be 1
    relations = [Relation.at_least("p", ["h"], factor=2), total("t", ["p", "o"])]
    assert ranges({"p": S, "h": S, "o": 10, "t": 12}, relations) == {
        "p": (2, 2), "h": (1, 1)}
    # persons = 2 · households, persons + "<3" = 6: the LP allows 4 to 5 persons,
    # whole households only 4
    relations = [total("p", ["h", "h"]), total("t", ["p", "o"])]
    assert ranges({"p": S, "h": S, "o": P, "t": 6}, relations)["p"] == (4, 4)


def test_seven_small_cells_that_must_all_be_one():
    cells = {f"c{i}": P for i in range(7)} | {"big": 10, "t": 17}
    result = audit(cells, [total("t", [*(f"c{i}" for i in range(7)), "big"])])
    assert sorted(result.exposed) == [f"c{i}" for i in range(7)]


def test_equations_that_are_harmless_alone_expose_together():
    #   "<3"  x | 6      each row and column on its own leaves the "<3" at 1 or 2
    #     x   x | 8      (e.g. b + d = 7 with b, d ≥ 3: both 3 or 4) – together
    #     7   7 | 14     d = 8 - c = 8 - (7 - a) = 1 + a ≥ 3 forces a = 2
    published = {(0, 0): P, (0, 1): X, (0, 2): 6,
                 (1, 0): X, (1, 1): X, (1, 2): 8,
                 (2, 0): 7, (2, 1): 7, (2, 2): 14}
    relations = grid_relations(2, 2)
    assert ranges(published, relations) == {(0, 0): (2, 2)}
    # each equation alone: the "<3" keeps both values
    for relation in relations:
        if (0, 0) in relation.cells:
            alone = {c: published[c] for c in relation.cells}
            assert ranges(alone, [relation]) == {(0, 0): (1, 2)}


def test_whole_numbers_matter_lp_bound_rounded_inwards():
    # families: persons ≥ 2 · households; 3 persons, "<3" households: LP allows 1.5,
    # whole numbers only 1
    result = audit({"p": 3, "h": P}, [Relation.at_least("p", ["h"], factor=2)])
    (cell,) = result.ranges
    assert (cell.low, cell.high, cell.lp_low, cell.lp_high) == (1, 1, 1, 1.5)
    assert cell.exposed


def test_whole_number_check_where_the_lp_reaches_both_values():
    # 2·x = 3·h + c with c = 3: h = 1 gives x = 3; h = 2 needs x = 4.5 – the LP takes it,
    # whole numbers do not, so h is exposed although the LP range is [1, 2].
    relation = Relation((("x", 2), ("h", -3), ("c", -1)))
    (cell,) = audit({"x": X, "h": P, "c": 3}, [relation]).ranges
    assert (cell.lp_low, cell.lp_high) == (1, 2)
    assert (cell.low, cell.high) == (1, 1)


def test_latent_cell_children_at_most_persons():
    # persons = children + adults (adults never published): a visible "children" says
    # nothing more about a "<3" persons cell than persons ≥ children
    relations = [total("persons", ["children", "adults"])]
    assert ranges({"persons": P, "children": 1}, relations) == {"persons": (1, 2)}
    assert ranges({"persons": P, "children": 2}, relations) == {"persons": (2, 2)}


def test_contradictory_table_is_refused():
    with pytest.raises(InconsistentTable):
        audit({"a": 1, "b": 1, "t": 3}, [total("t", ["a", "b"])])
    with pytest.raises(InconsistentTable):
        audit({"a": 5}, [total("a", ["b"]), total("b", ["a", "c"]), total("c", ["d"]),
                         Relation.at_least("d", ["a"])])
    with pytest.raises(ValueError, match="neither a count"):
        audit({"a": "?"}, [])


# --- the audit against brute force on tiny tables ----------------------------------

LIMIT = 20  # brute-force domain of an "x" cell: 3..LIMIT


@st.composite
def published_grids(draw):
    n_rows, n_cols = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    cells = [[draw(st.integers(0, 5)) for _ in range(n_cols)] for _ in range(n_rows)]
    values = {}
    for i, row in enumerate(cells):
        for j, v in enumerate(row):
            values[(i, j)] = v
        values[(i, n_cols)] = sum(row)
    for j in range(n_cols + 1):
        values[(n_rows, j)] = sum(values[(i, j)] for i in range(n_rows))
    published = {}
    for cell, v in values.items():
        if v in (1, 2):
            published[cell] = P
        elif v >= 3 and draw(st.booleans()):
            published[cell] = X
        else:
            published[cell] = v
    return published, grid_relations(n_rows, n_cols)


def brute_force(published, relations):
    """Values of each "<3" cell over every whole-number table within the domains."""
    hidden = [c for c, v in published.items() if v in (P, X)]
    domains = [(1, 2) if published[c] == P else range(3, LIMIT + 1) for c in hidden]
    seen = {c: set() for c in hidden if published[c] == P}
    for choice in itertools.product(*domains):
        table = {c: v for c, v in published.items() if c not in hidden}
        table.update(zip(hidden, choice, strict=True))
        if all(r.holds(table) for r in relations):
            for c in seen:
                seen[c].add(table[c])
    return seen


@settings(max_examples=120, deadline=None, database=None)
@given(published_grids())
def test_audit_agrees_with_brute_force(case):
    published, relations = case
    work = 1
    for v in published.values():
        work *= 2 if v == P else LIMIT - 2 if v == X else 1
    if work > 20_000:
        return  # brute force too slow
    seen = brute_force(published, relations)
    result = {r.cell: r for r in audit(published, relations).ranges}
    assert set(result) == set(seen)
    for cell, values in seen.items():
        # brute force sees real tables only (a subset): what it finds, the audit allows;
        # where the audit pins a cell, brute force cannot find a second value
        assert result[cell].low <= min(values) and max(values) <= result[cell].high
        if result[cell].exposed:
            assert len(values) == 1
        assert result[cell].exposed == (len(values) == 1)
