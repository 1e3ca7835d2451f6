"""The demo Land statistics reproduce [Soest] Tab. 1 in September 2018."""

import datetime
import json
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django_scopes import scope

from kim.quota import demo as demo_quota
from kim.quota.domain.statistics import own_history
from kim.quota.models import LandStatistics, LandStatisticsRow


def test_demo_history_contains_table_1(soest):
    months = demo_quota.load(soest, until=datetime.date(2019, 3, 31))
    assert months == 27 and demo_quota.load(soest) == 0  # idempotent
    with scope(municipality=soest):
        sept = LandStatistics.objects.get(month=datetime.date(2018, 9, 1))
        assert sept.row_count == 396 and sept.total_credited == 81155
        row = LandStatisticsRow.objects.get(statistics=sept, ags="05974040")
        assert (row.stock, row.obligation, row.gap, row.quota_percent) == (
            172, Decimal("217.39"), Decimal("-45.39"), Decimal("79.12"))
        keys = LandStatisticsRow.objects.filter(statistics=sept).values_list("key_percent",
                                                                             flat=True)
        assert sum(keys) == 100
        assert len(own_history(soest)) == 27
    out = StringIO()
    call_command("report", "quota", "--municipality", "soest", "--as-of", "2018-09-30",
                 stdout=out)
    assert json.loads(out.getvalue())["rows"][0]["quota_percent"] == 79.12
