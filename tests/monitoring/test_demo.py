"""The monitoring demo: [Soest] Tab. 2 reproduced, districts adding up, the Soester Süden
concentration visible in the segregation series, small counts hidden for steering."""

import datetime
from decimal import Decimal

from django_scopes import scope

from kim.monitoring.demo import DISTRICTS, load
from kim.monitoring.domain.series import TOWN, series
from kim.monitoring.models import Indicator, Observation


def value(code, year, area=None):
    query = Observation.objects.filter(indicator__code=code,
                                       period=datetime.date(year, 12, 31))
    query = query.filter(area__name=area) if area else query.filter(area__isnull=True)
    return query.get().value


def test_demo_reproduces_tab2_and_adds_up(soest):
    load(soest)
    load(soest)  # idempotent
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
        assert value("pop.migration_share", 2017, "Soest-Süd") == Decimal("52.7")  # 5618 / 10655
        # Duncan over the districts: ½ Σ |m_i/M − n_i/N| = ½ · 0.5069 (checked by hand)
        assert value("dist.segregation_districts", 2017) == Decimal("0.2535")
        assert Observation.objects.count() == 17 * 4 * 6 + 17 + 4 + 4 * 6


def test_demo_small_counts_are_hidden_for_aggregate_audiences(soest):
    load(soest)
    with scope(municipality=soest):
        asylblg = Indicator.objects.get(code="soc.asylblg")
        exact = series(asylblg, aggregate=False)
        shown = series(asylblg, aggregate=True)
    west = next(c.key for c in exact.columns if c.label == "Soest-West")
    assert [row[west] for row in exact.rows] == [2, 1, 2, 0]
    assert [row[west] for row in shown.rows] == ["<3", "<3", "<3", 0]
    assert all(isinstance(row[TOWN], int) for row in shown.rows)
    assert shown.hidden == 6  # three "<3" and one partner each
