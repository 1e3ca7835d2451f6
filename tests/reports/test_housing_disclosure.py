"""[Soest] Tab. 7 (``housing_placement``): a single person is a household of one, a
family has two or more members – disclosure control must know it.

Imports only what existed before the fix, so that the regression test runs (and fails) on
the old code too.
"""

import dataclasses
from datetime import date

from kim.core.reports.disclosure import PRIMARY_MARKER, SECONDARY_MARKER, TOTALS
from kim.core.reports.registry import ReportData, reports
from kim.core.reports.service import Audience, produce

P, X = PRIMARY_MARKER, SECONDARY_MARKER
CATEGORIES = ("placed_rented", "placed_private", "placeable", "not_yet_placeable",
              "not_placeable")
AS_OF = date(2018, 10, 1)


def placement_row(regime, size, persons, households):
    row = {"regime": regime, "regime_code": regime, "members": size, "members_code": size}
    row.update(dict(zip(CATEGORIES, persons, strict=True)))
    row["placed"] = row["placed_rented"] + row["placed_private"]
    row["total"] = sum(persons)
    row.update({f"{c}_households": h for c, h in zip(CATEGORIES, households, strict=True)})
    return row


def placement_data():
    """Placeable households 5, 1, 20, 10: the 1 (asylblg families) needs a partner in
    its column; the cheapest is the singles' 5 – whose persons column shows the same 5."""
    rows = [placement_row("asylblg", "singles", (8, 11, 5, 14, 41), (8, 11, 5, 14, 41)),
            placement_row("asylblg", "families", (113, 24, 8, 49, 49), (38, 8, 1, 12, 13)),
            placement_row("sgb", "singles", (4, 70, 20, 9, 6), (4, 70, 20, 9, 6)),
            placement_row("sgb", "families", (37, 195, 40, 12, 14), (11, 53, 10, 4, 5))]
    counts = reports.get("housing_placement").keys_of("count")
    return rows, {key: sum(row[key] for row in rows) for key in counts}


def aggregate(report, rows, totals, municipality):
    """``produce`` of ``report`` with these rows and totals, as an aggregate audience."""
    copy = dataclasses.replace(report, compute=lambda m, d: ReportData(rows, totals))
    return produce(copy, municipality, AS_OF, audience=Audience.AGGREGATE)


def test_singles_never_show_persons_beside_their_hidden_households(soest):
    """Regression: Tab. 7 showed ``placeable`` = 3 next to a hidden
    ``placeable_households`` in a singles row – the same number, so the hidden cell and,
    through its column total, the "<3" of the families row could be worked out."""
    rows, totals = placement_data()
    result = aggregate(reports.get("housing_placement"), rows, totals, soest)
    for row in result.rows:
        if row["members_code"] == "singles":
            for category in CATEGORIES:
                persons, households = row[category], row[f"{category}_households"]
                assert (persons in (P, X)) == (households in (P, X)), (row, category)
                assert persons == households or households in (P, X)
    assert result.rows[1]["placeable_households"] == P


def test_housing_placement_output_passes_an_independent_audit(soest):
    """The relations written out here by hand (not from the report's declaration)."""
    rows, totals = placement_data()
    result = aggregate(reports.get("housing_placement"), rows, totals, soest)
    published = {(r, k): v for r, row in enumerate(result.rows) for k, v in row.items()
                 if k in totals}
    published |= {(TOTALS, k): v for k, v in result.totals.items()}
    from kim.stats.linear import Relation

    relations = []
    for r in [*range(4), TOTALS]:
        relations.append(Relation.total((r, "placed"), [(r, "placed_rented"),
                                                        (r, "placed_private")]))
        relations.append(Relation.total((r, "total"), [(r, c) for c in CATEGORIES]))
    for key in totals:
        relations.append(Relation.total((TOTALS, key), [(r, key) for r in range(4)]))
    for r, row in enumerate(rows):
        for c in CATEGORIES:
            if row["members_code"] == "singles":
                relations.append(Relation.total((r, c), [(r, f"{c}_households")]))
            else:
                relations.append(Relation.at_least((r, c), [(r, f"{c}_households")], 2))
    from kim.stats.audit import audit

    assert audit(published, relations).exposed == ()
