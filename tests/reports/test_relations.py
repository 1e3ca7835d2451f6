"""Declared relations of reports; the LP audit of every report's aggregate output."""

import dataclasses
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kim.core.reports.disclosure import PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER, audit
from kim.core.reports.registry import Column, Report, ReportData, reports
from kim.core.reports.relations import RowRelation
from kim.core.reports.service import Audience, produce

P, X, S = PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER
AS_OF = date(2018, 10, 1)


def aggregate(report, rows, totals, municipality):
    """``produce`` of ``report`` with these rows and totals, as an aggregate audience."""
    copy = dataclasses.replace(report, compute=lambda m, d: ReportData(rows, totals))
    return produce(copy, municipality, AS_OF, audience=Audience.AGGREGATE)


def test_relation_declarations_are_validated():
    report = reports.get("housing_placement")
    for bad, message in [
        (RowRelation("placeable", ("nope",)), "must be distinct count columns"),
        (RowRelation("regime", ("placeable",)), "must be distinct count columns"),
        (RowRelation("placeable", ("placeable",)), "must be distinct count columns"),
        (RowRelation("placeable", ()), "must be distinct count columns"),
        (RowRelation("placeable", ("total",), where=(("placed", "1"),)),
         "must name text columns"),
        (RowRelation("placeable", ("total",), sense="<="), "sense must be"),
        (RowRelation("placeable", ("total",), factor=0), "sense must be"),
    ]:
        with pytest.raises(ValueError, match=message):
            dataclasses.replace(report, relations=(bad,)).validate()


# --- every registered report, generated data ------------------------------------------

def definitions(report, row, column):
    """Columns ``column`` depends on in ``row``: its row-sum parts, or the right-hand side
    of a relation that defines it there (None: drawn freely)."""
    col = report.column(column)
    if col.sum_of:
        return "==", 1, col.sum_of
    for relation in report.relations:
        if relation.lhs == column and relation.matches(row):
            return relation.sense, relation.factor, relation.rhs
    return None


@st.composite
def report_data(draw, report):
    """Rows that satisfy every declared relation of ``report``, with totals or not."""
    choices = {}
    for relation in report.relations:
        for key, value in relation.where:
            choices.setdefault(key, {"other"}).add(value)
    counts = st.one_of(st.integers(0, 3), st.integers(0, 40))
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        row = {}
        for col in report.columns:
            if col.kind == "text":
                row[col.key] = draw(st.sampled_from(sorted(choices.get(col.key, {"t"}))))
            elif col.kind == "percent":
                row[col.key] = draw(st.floats(0, 100))
            elif col.kind == "number":
                row[col.key] = draw(st.integers(0, 500))
        pending = report.keys_of("count")
        while pending:
            progress = False
            for key in list(pending):
                rule = definitions(report, row, key)
                if rule is None:
                    row[key] = draw(counts)
                elif all(part in row for part in rule[2]):
                    sense, factor, parts = rule
                    row[key] = factor * sum(row[p] for p in parts)
                    row[key] += draw(st.integers(0, 5)) if sense == ">=" else 0
                else:
                    continue
                pending.remove(key)
                progress = True
            assert progress, f"{report.name}: circular relations"
        rows.append(row)
    totals = {}
    if draw(st.booleans()):
        totals = {key: sum(r[key] for r in rows) for key in report.keys_of("count")}
    return rows, totals


def full_suppression(rows, totals, count_keys):
    def hide(value):
        return X if value >= 3 else P if value else 0

    return ([{k: hide(v) if k in count_keys else v for k, v in row.items()} for row in rows],
            {k: hide(v) if k in count_keys else v for k, v in totals.items()})


@pytest.mark.parametrize("name", reports.names)
@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_report_aggregate_passes_the_audit(soest, name, data):
    report = reports.get(name)
    rows, totals = data.draw(report_data(report))
    result = aggregate(report, rows, totals, soest)
    counts = report.keys_of("count")
    assert audit(result.rows, result.totals, counts, report.row_sums,
                 report.relations).safe
    # "." only where "<3" is exposed even with every non-zero cell hidden
    hidden_rows, hidden_totals = full_suppression(rows, totals, counts)
    exposed = set(audit(hidden_rows, hidden_totals, counts, report.row_sums,
                        report.relations).exposed)
    for r, row in enumerate(rows):
        for key in counts:
            value = row[key]
            small = S if (r, key) in exposed else P
            assert result.rows[r][key] in ((small,) if value in (1, 2) else (value, X)
                                           if value >= 3 else (0,))


def test_generator_covers_the_declared_relations():
    report = reports.get("housing_placement")
    assert {r.where for r in report.relations} == {(("members_code", "singles"),),
                                                   (("members_code", "families"),)}
    row = {"members_code": "singles"}
    assert definitions(report, row, "placeable") == ("==", 1, ("placeable_households",))
    assert definitions(report, {"members_code": "families"}, "placeable") == (
        ">=", 2, ("placeable_households",))
    assert definitions(report, row, "placeable_households") is None
    assert isinstance(report.column("placed"), Column) and isinstance(report, Report)
