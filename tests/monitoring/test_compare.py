"""The comparison of districts: one period as a bar chart with its table, exact for the
coordinator and disclosure-controlled (as on the time series) for aggregate audiences."""

import datetime
from decimal import Decimal

import pytest
from django_scopes import scope

from kim.core.models import Area
from kim.monitoring.domain.chart import BAR_LEFT, RIGHT, WIDTH, bar_chart, period_format
from kim.monitoring.models import Observation

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _page(persona, indicator, query=""):
    response = persona.client().get(
        f"/soest/monitoring/indicators/{indicator.pk}/districts/{query}", **EN)
    assert response.status_code == 200
    return response.content.decode()


def _cells(text):
    return text.split("<tbody>")[1].split("</tbody>")[0]


def test_bar_geometry_scales_to_the_largest_and_draws_no_hidden_value():
    chart = bar_chart([("Mitte", Decimal(15), "15"), ("Süd", Decimal(30), "30"),
                       ("West", "<3", "<3"), ("Ost", None, "–")])
    plot = WIDTH - BAR_LEFT - RIGHT  # the axis runs to 30 (ticks of 10)
    assert [(b.label, b.width, b.text) for b in chart.bars] == [
        ("Mitte", round(plot / 2, 1), "15"), ("Süd", plot, "30"), ("West", 0, "<3"),
        ("Ost", 0, "–")]
    assert [label for _x, label in chart.x_ticks] == ["0", "10", "20", "30"]
    assert chart.height == 8 + 4 * 30 + 28
    assert bar_chart([("West", "x", "x")]) is None


def test_coordinator_compares_exact_figures(personas, figures):
    text = _page(personas["coordinator"], figures)
    assert text.count('<rect class="bar"') == 3
    assert [f'<td class="num">{v}</td>' in _cells(text) for v in (15, 30, 2)] == [True] * 3
    assert '<tfoot><tr><th scope="row">Soest</th><td class="num">47</td>' in text
    assert '<option value="2018-12-31" selected>31.12.2018</option>' in text


def test_steering_sees_the_same_protection_as_on_the_time_series(personas, figures):
    text = _page(personas["steering"], figures)
    cells = _cells(text)
    assert ">&lt;3<" in cells and cells.count(">x<") == 1
    assert ">2<" not in cells and ">15<" not in cells and ">30<" in cells
    assert text.count('<rect class="bar"') == 1  # only Süd: hidden cells get no bar
    assert "counts of 1 or 2" in text


def test_a_period_is_chosen_and_an_unknown_one_falls_back_to_the_latest(personas, figures,
                                                                        soest):
    with scope(municipality=soest):
        mitte = Area.objects.get(name="Mitte")
        Observation.objects.create(municipality=soest, indicator=figures,
                                   period=datetime.date(2019, 12, 31), area=mitte,
                                   value=Decimal(1234))
    coordinator = personas["coordinator"]
    assert ">1,234<" in _cells(_page(coordinator, figures))
    older = _page(coordinator, figures, "?period=2018-12-31")
    assert ">15<" in _cells(older) and ">1,234<" not in older
    assert ">1,234<" in _cells(_page(coordinator, figures, "?period=1999-01-01"))


@pytest.mark.parametrize(("role", "status"), [("provider", 403), ("foreign", 404)])
def test_others_do_not_compare(personas, figures, role, status):
    response = personas[role].client().get(
        f"/soest/monitoring/indicators/{figures.pk}/districts/", **EN)
    assert response.status_code == status


def test_the_detail_page_links_the_comparison(personas, figures):
    text = personas["steering"].client().get(
        f"/soest/monitoring/indicators/{figures.pk}/", **EN).content.decode()
    assert f"/soest/monitoring/indicators/{figures.pk}/districts/" in text


def test_a_monthly_series_is_labelled_by_month_a_yearly_one_by_year():
    assert period_format([datetime.date(2025, 12, 31), datetime.date(2026, 1, 31),
                          datetime.date(2026, 2, 28)]) == "m.Y"
    assert period_format([datetime.date(y, 12, 31) for y in (2024, 2025)]) == "Y"
