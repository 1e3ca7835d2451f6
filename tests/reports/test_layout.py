"""Fitting a report table on A4 (kim.core.reports.renderers.layout) and the chart of a
series report, without a database."""

from datetime import date
from decimal import Decimal

from django.utils import translation

from kim.core.charts import chart, line_chart
from kim.core.reports.renderers.layout import LANDSCAPE_MM, PORTRAIT_MM, fit, widths


def _cell(value, kind="count", header=False):
    return {"value": value, "kind": kind, "header": header, "marker": False, "title": "",
            "empty": value is None, "numeric": kind != "text"}


def _table(columns, rows):
    return {"caption": "Tabelle", "note": "Hinweis",
            "columns": [{"label": label, "numeric": True} for label in columns],
            "rows": [[_cell(row[0], "text", True)] + [_cell(v) for v in row[1:]]
                     for row in rows],
            "totals": []}


def test_a_narrow_table_is_portrait_in_one_part():
    table = _table(["Status", "Gesamt"], [["Gestattung", 12], ["Duldung", 1141]])
    layout = fit(table, [0])
    assert (layout.landscape, layout.parts) == (False, [table])


def test_a_wider_table_is_landscape_and_whole():
    labels = [f"Spalte Nummer {i}" for i in range(10)]
    table = _table(["Zeile", *labels], [["A", *range(10)]])
    narrow = sum(n for n, _c in widths(table))
    assert sum(c for _n, c in widths(table)) > PORTRAIT_MM and narrow <= LANDSCAPE_MM
    layout = fit(table, [0])
    assert layout.landscape and len(layout.parts) == 1


def test_a_too_wide_table_splits_into_parts_repeating_the_row_label():
    labels = [f"Aufnahmeverpflichtung{i}" for i in range(12)]
    table = _table(["Leistungsbezug", *labels],
                   [["AsylbLG", *range(12)], ["SGB II", *range(12)]])
    with translation.override("de"):
        layout = fit(table, [0])
    assert layout.landscape and len(layout.parts) == 3  # five would fit: 4 + 4 + 4, not 5 + 5 + 2
    assert [[c["label"] for c in p["columns"]] for p in layout.parts] == [
        ["Leistungsbezug", *labels[:4]], ["Leistungsbezug", *labels[4:8]],
        ["Leistungsbezug", *labels[8:]]]
    assert [p["rows"][1][0]["value"] for p in layout.parts] == ["SGB II"] * 3
    assert [p["caption"] for p in layout.parts] == [f"Tabelle (Teil {n} von 3)" for n in (1, 2, 3)]
    assert [p["note"] for p in layout.parts] == ["", "", "Hinweis"]  # once, under the last
    for part in layout.parts:
        assert sum(n for n, _c in widths(part)) <= LANDSCAPE_MM


def test_a_hidden_cell_is_a_gap_in_its_line():
    drawn = chart(["12/2015", "06/2016", "12/2016", "06/2017"],
                  [[848, 564, 348, 190], [498, "x", 163, 0]])
    assert [len(line.points) for line in drawn.lines] == [4, 3]
    assert [len(line.segments) for line in drawn.lines] == [1, 2]
    assert [x for x, _p in drawn.x_labels] == [56.0, 240.0, 424.0, 608.0]  # evenly
    assert drawn.y_ticks[-1][1] == "1.000"  # German grouping on the axis


def test_dates_are_placed_by_time():
    drawn = line_chart([(date(2020, 1, 1), Decimal(1)), (date(2020, 1, 2), Decimal(2)),
                        (date(2020, 1, 11), Decimal(3))])
    assert [p.x for p in drawn.points] == [56.0, 111.2, 608.0]
    assert chart(["a"], [["x"]]) is None  # nothing to draw
