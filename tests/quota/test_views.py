"""The quota page, the statistics upload, the forecast settings."""

import datetime
import io
from decimal import Decimal as D

from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope

from kim.quota.domain.statistics import import_statistics
from kim.quota.models import LandStatistics, LandStatisticsRow, QuotaSettings
from tests.housing.factories import FacilityFactory, PlaceFactory, UnitFactory
from tests.quota.conftest import SOEST_AGS, land_csv, soest_land


def _page(client, url="/soest/quota/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_empty_state(personas):
    html = _page(personas["caseworker"].client())
    assert "Es wurden noch keine Verteilstatistiken" in html or "No Land distribution" in html
    assert "<svg" not in html


def test_page_shows_table_own_row_history_and_forecast(personas, sept_2018):
    html = _page(personas["caseworker"].client())
    assert '<tr class="own">' in html and "05974040" in html
    assert "79,12" in html and "217,39" in html and "-45,39" in html  # German number format
    assert '<svg class="quota-chart" role="img"' in html
    assert '<title id="quota-chart-title">' in html and '<desc id="quota-chart-desc">' in html
    assert html.count('<th scope="row"><a href="?month=2018-09">') == 1  # the data table
    assert "0,267870503" in html
    # the crediting rates of 2018 in words and figures, not the parameter's version code
    assert "Regelplätze zu 50 %, Reserveplätze zu 10 % (§ 3 Abs. 5 FlüAG a.F.)" in html
    assert "fluag." not in html
    assert "Import" not in html.split("<main", 1)[1].split("<h1>", 1)[0]  # no write links
    assert 'href="/soest/quota/import/"' not in html


def test_housing_sees_write_links_and_other_months(personas, soest, sept_2018):
    with scope(municipality=soest):
        import_statistics(soest, soest_land(soest_stock=190), datetime.date(2018, 10, 1))
    client = personas["housing"].client()
    html = _page(client)
    assert 'href="/soest/quota/import/"' in html and 'href="/soest/quota/settings/"' in html
    assert "87,38" in html and html.count('class="dot"') == 2
    older = _page(client, "/soest/quota/?month=2018-09")
    assert '<option value="2018-09" selected>' in older


def test_unknown_month_shows_the_empty_state(personas, sept_2018):
    html = _page(personas["caseworker"].client(), "/soest/quota/?month=2017-01")
    assert '<tr class="own">' not in html


def test_upload_imports_and_redirects_to_the_month(personas, soest):
    client = personas["housing"].client()
    response = client.post("/soest/quota/import/", {
        "month": "2018-09", "file": SimpleUploadedFile("vs_18_09.csv", soest_land())})
    assert response.status_code == 302 and response["Location"] == "/soest/quota/?month=2018-09"
    with scope(municipality=soest):
        stats = LandStatistics.objects.get()
        assert stats.imported_by == personas["housing"].user and stats.source_name == "vs_18_09.csv"


def test_upload_with_errors_names_row_and_column_and_writes_nothing(personas, soest):
    client = personas["housing"].client()
    bad = land_csv([("05974040", "Soest", "0,26", 172, 0, 0), ("1", "X", "1", "viele", 0, 0)])
    html = client.post("/soest/quota/import/", {
        "month": "2018-09", "file": SimpleUploadedFile("land.csv", bad)}).content.decode()
    assert 'role="alert"' in html
    assert "<td>2</td><td>key_percent</td>" in html and "<td>3</td><td>stock</td>" in html
    with scope(municipality=soest):
        assert not LandStatistics.objects.exists()


def test_upload_validates_month_and_file_type(personas, soest):
    client = personas["housing"].client()
    html = client.post("/soest/quota/import/", {
        "month": "September", "file": SimpleUploadedFile("land.xlsx", b"x")}).content.decode()
    assert "JJJJ-MM" in html or "YYYY-MM" in html
    assert "field-error" in html
    with scope(municipality=soest):
        assert not LandStatistics.objects.exists()


def test_upload_refuses_a_month_in_the_future_or_long_ago(personas, soest):
    client = personas["housing"].client()
    for month, text in (("2999-01", "cannot be in the future"), ("1800-01", "before 1990")):
        html = client.post("/soest/quota/import/", {
            "month": month, "file": SimpleUploadedFile("land.csv", soest_land())},
            HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert text in html, month
    with scope(municipality=soest):
        assert not LandStatistics.objects.exists()


def test_settings_are_saved_and_used_by_the_forecast(personas, soest, sept_2018):
    client = personas["housing"].client()
    response = client.post("/soest/quota/settings/", {
        "monthly_inflow": "100", "household_size": "4", "forecast_months": "2"})
    assert response.status_code == 302
    with scope(municipality=soest):
        conf = QuotaSettings.objects.get()
        assert (conf.monthly_inflow, conf.forecast_months) == (100, 2)
    html = _page(client)
    forecast = html.split('id="h-forecast"', 1)[1].split("</table>", 1)[0]
    # Of 100 persons Soest (79 %) receives 43, until its quota passes Beispielhausen's
    # 98.46 %; 43 persons in households of 4 need 11 housing units.
    assert forecast.count("<tr><th scope=\"row\">") == 2
    assert ('<td class="num">43</td><td class="num">43</td><td class="num">98,78</td>'
            '<td class="num">43</td><td class="num">11</td><td class="num">43</td>') in forecast
    # Ten free places in Phase II today (one blocked, one in Phase III): 43 − 10 still missing.
    with scope(municipality=soest):
        flat = UnitFactory(facility=FacilityFactory(municipality=soest, kind="phase2"))
        for n in range(11):
            PlaceFactory(unit=flat, blocked=n == 0)
        PlaceFactory(unit=UnitFactory(facility=FacilityFactory(municipality=soest,
                                                               kind="rented_flat")))
    forecast = _page(client).split('id="h-forecast"', 1)[1].split("</section>", 1)[0]
    assert '<td class="num">11</td><td class="num">33</td></tr>' in forecast
    assert "minus 10 heute freie Plätze in Phase I und II" in forecast


def test_settings_reject_bad_values(personas, soest):
    html = personas["housing"].client().post("/soest/quota/settings/", {
        "monthly_inflow": "0", "household_size": "0.5", "forecast_months": "99"}).content.decode()
    assert html.count("field-error") == 3
    with scope(municipality=soest):
        assert not QuotaSettings.objects.exists()


def test_foreign_statistics_are_not_shown(personas, herne, sept_2018):
    with scope(municipality=herne):
        assert not LandStatistics.objects.exists()
    html = _page(personas["foreign"].client(), "/herne/quota/")
    assert "05974040" not in html


def test_quota_page_queries_do_not_grow_with_the_data(personas, soest):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = personas["housing"].client()

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            _page(client)
        return len(ctx)

    with scope(municipality=soest):
        import_statistics(soest, soest_land(), datetime.date(2018, 9, 1))
    small = queries()
    rows = [(f"0{i:07d}", f"G{i}", "0.1", 10 + i, 0, 0) for i in range(40)]
    with scope(municipality=soest):
        for month in range(1, 6):
            import_statistics(soest, land_csv([("05974040", "Soest", "96", 100, 0, 0), *rows]),
                              datetime.date(2019, month, 1))
    assert queries() == small


def test_upload_of_an_xlsx_with_german_headers(personas, soest):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["AGS", "Gemeinde", "Schlüssel", "Bestand", "Regelplätze", "Reserveplätze"])
    for line in soest_land().decode().splitlines()[1:]:
        ags, name, key, *counts = line.split(",")
        sheet.append([ags, name, key.replace(".", ","), *(int(c) for c in counts)])
    out = io.BytesIO()
    book.save(out)
    client = personas["housing"].client()
    response = client.post("/soest/quota/import/", {
        "month": "2018-09", "file": SimpleUploadedFile("vs_18_09.xlsx", out.getvalue())})
    assert response.status_code == 302
    with scope(municipality=soest):
        row = LandStatisticsRow.objects.get(ags=SOEST_AGS)
        assert (row.key_percent, row.stock) == (D("0.267870503"), 172)
