"""The segregation series over areas, through the page and the domain."""

import datetime
from decimal import Decimal

from django_scopes import scope

from kim.core.models import Area
from kim.monitoring.domain.segregation import segregation_series
from kim.monitoring.models import Indicator, Observation

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def observe(soest, code, period, values):
    indicator = Indicator.objects.get(code=code)
    for area, value in values.items():
        Observation.objects.create(municipality=soest, indicator=indicator, period=period,
                                   area=area, value=Decimal(value))
    return indicator


def build(soest):
    nord = Area.objects.create(municipality=soest, name="Nord")
    sued = Area.objects.create(municipality=soest, name="Süd")
    first, second, third = (datetime.date(y, 12, 31) for y in (2017, 2018, 2019))
    # 2017: Nord 10 of 100, Süd 30 of 60: D = ½(|¼ − ¾| + |¾ − ¼|) = 0.5,
    # isolation = ¼·0.1 + ¾·0.5 = 0.4, exposure 0.6. 2018: spread alike: D = 0.
    # 2019: 70 of 60 in Süd – no index, a gap.
    for period, nord_m, nord_t, sued_m, sued_t in ((first, 10, 100, 30, 60),
                                                   (second, 10, 100, 6, 60),
                                                   (third, 10, 100, 70, 60)):
        minority = observe(soest, "pop.migration", period, {nord: nord_m, sued: sued_m})
        total = observe(soest, "pop.total", period, {nord: nord_t, sued: sued_t})
    return minority, total


def test_series_by_hand(soest):
    with scope(municipality=soest):
        points, gaps = segregation_series(*build(soest))
    assert [(p.period.year, p.units, p.minority, p.total, p.dissimilarity, p.isolation,
             p.exposure) for p in points] == [(2017, 2, 40, 160, 0.5, 0.4, 0.6),
                                              (2018, 2, 16, 160, 0.0, 0.1, 0.9)]
    assert [g.period.year for g in gaps] == [2019]
    assert "minority 70 is not between 0 and the total 60" in gaps[0].reason


def test_page_for_steering(personas, soest):
    with scope(municipality=soest):
        build(soest)
    response = personas["steering"].client().get(
        "/soest/monitoring/segregation/?minority=pop.migration&total=pop.total", **EN)
    text = response.content.decode()
    assert response.status_code == 200
    assert '<td class="num">0.5000</td><td class="num">0.4000</td>' in text
    assert "<svg" in text and "31.12.2019" in text  # the gap is named
    assert personas["provider"].client().get("/soest/monitoring/segregation/"
                                             ).status_code == 403


def test_aggregate_audiences_get_no_index_where_a_unit_has_a_small_count(soest):
    with scope(municipality=soest):
        minority, total = build(soest)
        west = Area.objects.create(municipality=soest, name="West")
        period = datetime.date(2018, 12, 31)
        observe(soest, "pop.migration", period, {west: 2})
        observe(soest, "pop.total", period, {west: 50})
        exact, _ = segregation_series(minority, total)
        shown, gaps = segregation_series(minority, total, aggregate=True)
    assert [p.period.year for p in exact] == [2017, 2018]
    assert [p.period.year for p in shown] == [2017]
    assert [(g.period.year, g.reason) for g in gaps] == [
        (2018, "a unit has a small count"), (2019, gaps[1].reason)]
