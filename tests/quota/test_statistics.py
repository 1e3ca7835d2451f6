"""Importing the Land's monthly statistics: history per month, replace, nothing on errors."""

import datetime
from decimal import Decimal as D

import pytest
from django_scopes import scope

from kim.core.models import AuditEntry
from kim.quota.domain.statistics import (
    expected_assignments,
    import_statistics,
    own_history,
    statistics_for,
    table_rows,
)
from kim.quota.domain.tables import InputError
from kim.quota.models import LandStatistics, LandStatisticsRow
from tests.quota.conftest import SEPT_2018, SOEST_AGS, land_csv, soest_land

OCT_2018 = datetime.date(2018, 10, 1)


def test_import_stores_the_computed_table_of_the_month(soest, sept_2018):
    with scope(municipality=soest):
        assert (sept_2018.month, sept_2018.as_of) == (SEPT_2018, datetime.date(2018, 9, 30))
        assert sept_2018.total_credited == 81155 and sept_2018.row_count == 4
        soest_row = LandStatisticsRow.objects.get(ags=SOEST_AGS)
        assert soest_row.ags == "05974040"  # leading zero kept
        assert (soest_row.obligation, soest_row.gap, soest_row.quota_percent, soest_row.rank) \
            == (D("217.39"), D("-45.39"), D("79.12"), 1)
        assert AuditEntry.objects.filter(action="bulk",
                                         model="quota.landstatisticsrow").count() == 1


def test_months_are_kept_as_history_and_a_month_can_be_replaced(soest, sept_2018):
    with scope(municipality=soest):
        oct_stats = import_statistics(soest, soest_land(soest_stock=190), OCT_2018).statistics
        assert [r.quota_percent for r in own_history(soest)] == [D("79.12"), D("87.38")]
        assert statistics_for(as_of=datetime.date(2018, 9, 30)) == sept_2018
        assert statistics_for() == oct_stats
        again = import_statistics(soest, soest_land(soest_stock=200), OCT_2018)
        assert again.replaced and again.own_row.stock == 200
        assert LandStatistics.objects.count() == 2
        assert LandStatisticsRow.objects.count() == 8


def test_a_bad_file_writes_nothing(soest, sept_2018):
    bad = land_csv([(SOEST_AGS, "Soest", "0.26", 172, 0, 0), ("1", "X", "nope", 1, 0, 0)])
    with scope(municipality=soest):
        with pytest.raises(InputError):
            import_statistics(soest, bad, SEPT_2018)
        assert LandStatisticsRow.objects.get(ags=SOEST_AGS).stock == 172  # old month intact
        assert LandStatistics.objects.count() == 1


def test_history_and_tables_belong_to_the_municipality(soest, herne, sept_2018):
    with scope(municipality=herne):
        assert statistics_for() is None and own_history(herne) == []
        import_statistics(herne, soest_land(), OCT_2018)
        assert own_history(herne) == []  # Herne's AGS is not in this file
    with scope(municipality=soest):
        assert [r.statistics.month for r in own_history(soest)] == [SEPT_2018]


def test_forecast_from_a_stored_month(soest, sept_2018):
    with scope(municipality=soest):
        forecast = expected_assignments(soest, sept_2018, table_rows(sept_2018))
        assert len(forecast) == 6 and forecast[0].month == OCT_2018
        # Soest is furthest behind: with 1500 persons a month it receives at first.
        assert forecast[0].assignments > 0
        assert forecast[-1].cumulative == sum(f.assignments for f in forecast)


@pytest.mark.parametrize(("row", "message"), [
    ((SOEST_AGS, "Soest", "0.267870503", 99_999_999_999, 0, 0),
     "99999999999 is more than 10000000"),
    (("05111000", "Muster\x00stadt", "1", 1, 0, 0), "contains a control character"),
    (("05111000", "Musterstadt", "0.0000000000001", 1, 0, 0),
     "has more than 12 digits before or after the decimal point"),
])
def test_implausible_cells_are_refused_and_the_history_stays_readable(soest, sept_2018, row,
                                                                       message):
    with scope(municipality=soest):
        with pytest.raises(InputError) as caught:
            import_statistics(soest, land_csv([row]), SEPT_2018)
        assert message in str(caught.value)
        assert [r.quota_percent for r in own_history(soest)] == [D("79.12")]  # untouched


def test_a_quota_the_table_cannot_store_is_refused_before_writing(soest, sept_2018):
    tiny = land_csv([(SOEST_AGS, "Soest", "0.000000001", 9_000_000, 0, 0),
                     ("05111000", "Musterstadt", "99.999999999", 1, 0, 0)])
    with scope(municipality=soest):
        with pytest.raises(InputError, match=r"Soest \(05974040\): a quota of .* not plaus"):
            import_statistics(soest, tiny, SEPT_2018)
        assert LandStatisticsRow.objects.count() == 4  # the September import as it was
        assert [r.quota_percent for r in own_history(soest)] == [D("79.12")]


def test_keys_must_cover_the_whole_land(soest):
    half = land_csv([(SOEST_AGS, "Soest", "25", 172, 0, 0), ("05111000", "M", "25", 172, 0, 0)])
    with scope(municipality=soest):
        with pytest.raises(InputError, match="The keys add up to 50 %, not 100 %"):
            import_statistics(soest, half, SEPT_2018)
        assert not LandStatistics.objects.exists()


def test_an_ags_without_its_leading_zero_is_explained(soest):
    excel = land_csv([("5974040", "Soest", "0.267870503", 172, 0, 0),
                      ("05111000", "Musterstadt", "99.732129497", 80983, 0, 0)])
    with scope(municipality=soest):
        with pytest.raises(InputError, match="5974040 looks like 05974040 without its leading"):
            import_statistics(soest, excel, SEPT_2018)
        assert not LandStatistics.objects.exists()
