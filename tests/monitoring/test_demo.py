"""The monitoring demo: [Soest] Tab. 2 reproduced, districts adding up, the Soester Süden
concentration visible in the segregation series, small counts hidden for steering."""

import datetime
from decimal import Decimal

from django_scopes import scope

from kim.core.models import Organisation
from kim.monitoring.demo import DISTRICTS, load, month_ends
from kim.monitoring.domain.segregation import INSTITUTIONS, segregation_series
from kim.monitoring.domain.series import TOWN, series
from kim.monitoring.models import Indicator, Observation


def value(code, year, area=None):
    query = Observation.objects.filter(indicator__code=code,
                                       period=datetime.date(year, 12, 31))
    query = (query.filter(area__name=area) if area
             else query.filter(area__isnull=True, institution__isnull=True))
    return query.get().value


TODAY = datetime.date(2026, 1, 15)


def test_demo_reproduces_tab2_and_adds_up(soest):
    load(soest, TODAY)
    load(soest, TODAY)  # idempotent
    with scope(municipality=soest):
        assert [value("pop.foreign", y) for y in (2009, 2011, 2013, 2015, 2017)] == [
            3023, 2880, 3294, 4024, 4276]
        assert value("pop.migration", 2017) == 14047
        assert value("pop.foreign", 2010) == (3023 + 2880) // 2 + 1  # 2951.5 rounds to even
        for year in (2009, 2018, 2025):
            parts = sum(value("pop.migration", year, name) for name, *_ in DISTRICTS)
            assert parts == value("pop.migration", year)
        assert value("school.newcomer_pupils", 2018) == 150
        # Soester Süden: 22 % of the residents, 40 % of those with a migration background
        # Tab. 2's shares of the residents with a migration background, as printed
        assert [value("pop.migration_share", y) for y in (2009, 2011, 2013, 2015, 2017)] == [
            Decimal(s) for s in ("26.5", "26.1", "26.6", "27.7", "28.7")]
        # … and of the foreigners and the Germans with a migration background (6.3 … 8.7 %,
        # 20.2 … 20.0 %), from the same residents
        shares = [(round(100 * value("pop.foreign", y) / value("pop.total", y), 1),
                   round(100 * (value("pop.migration", y) - value("pop.foreign", y))
                         / value("pop.total", y), 1)) for y in (2009, 2011, 2013, 2015, 2017)]
        assert shares == [(Decimal(f), Decimal(g)) for f, g in (
            ("6.3", "20.2"), ("6.2", "19.9"), ("6.9", "19.7"), ("8.3", "19.4"),
            ("8.7", "20.0"))]
        assert value("pop.migration_share", 2017, "Soest-Süd") == Decimal("52.2")  # 5618 / 10762
        # Duncan over the districts: ½ Σ |m_i/M − o_i/O| = ½ · 0.50487 (checked by hand)
        assert value("dist.segregation_districts", 2017) == Decimal("0.2524")
        # the series 2009–2025, newcomers, Tab. 5, AsylbLG; 20 computed counts for the
        # town and five districts at twelve month ends
        assert Observation.objects.filter(computed=False).count() == (
            17 * 4 * 6 + 17 + 4 + 4 + 4 * 6 + 3 * 16 + 2 * 8)
        assert Observation.objects.filter(computed=True).count() == 20 * 6 * 12


def test_demo_reproduces_tab5_school_figures(soest):
    load(soest, TODAY)
    with scope(municipality=soest):
        # the 16 municipal schools of 2018/19: 1,665 + 147 + 703 + 2,316 + 892 + 403 pupils
        assert [value(code, 2018) for code in (
            "school.pupils", "school.pupils_foreign", "school.inclusion")] == [6126, 365, 165]
        # Duncan over the eight primary schools, foreign pupils against the others:
        # ½ Σ |m_i/171 − (n_i − m_i)/1494| = 0.44349… (Astrid-Lindgren-GS: 69 of 157)
        assert value("school.segregation_primary", 2018) == Decimal("0.4435")
        # … per school, on the town's Organisations of Tab. 5's names
        per_school = Observation.objects.filter(indicator__code="school.pupils_foreign",
                                                institution__isnull=False)
        assert per_school.count() == 16
        assert per_school.get(institution__name="Astrid-Lindgren-Grundschule").value == 69
        assert sum(o.value for o in per_school) == 365
        assert sorted(o.kinds for o in Organisation.objects.all()) == [["school"]] * 16
        # the segregation series over the primary schools gives the same index
        points, gaps = segregation_series(
            Indicator.objects.get(code="school.primary_pupils_foreign"),
            Indicator.objects.get(code="school.primary_pupils"), over=INSTITUTIONS)
        assert [(p.period, p.units, p.minority, p.total, p.dissimilarity) for p in points
                ] == [(datetime.date(2018, 12, 31), 8, 171, 1665, 0.4435)]
        assert gaps == []


def test_demo_adds_the_computed_counts_of_the_last_twelve_month_ends(soest):
    assert month_ends(TODAY)[0] == datetime.date(2025, 1, 31)
    assert month_ends(TODAY)[-1] == datetime.date(2025, 12, 31)
    assert len(set(month_ends(datetime.date(2024, 3, 31)))) == 12
    assert month_ends(datetime.date(2024, 3, 31))[-2:] == [datetime.date(2024, 1, 31),
                                                           datetime.date(2024, 2, 29)]


def test_demo_small_counts_are_hidden_for_aggregate_audiences(soest):
    load(soest, TODAY)
    with scope(municipality=soest):
        asylblg = Indicator.objects.get(code="soc.asylblg")
        exact = series(asylblg, aggregate=False)
        shown = series(asylblg, aggregate=True)
    west = next(c.key for c in exact.columns if c.label == "Soest-West")
    assert [row[west] for row in exact.rows] == [2, 1, 2, 0]
    assert [row[west] for row in shown.rows] == ["<3", "<3", "<3", 0]
    assert all(isinstance(row[TOWN], int) for row in shown.rows)
    assert shown.hidden == 6  # three "<3" and one partner each
