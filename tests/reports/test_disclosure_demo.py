"""Every registered report's aggregate output on the demo data passes the LP audit."""

import pytest
from django.utils import timezone
from django_scopes import scope

from kim.core.reports.disclosure import PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER, audit
from kim.core.reports.registry import reports
from kim.core.reports.service import Audience, produce
from tests.housing.test_demo_housing import demo  # noqa: F401 (the module-scoped demo town)


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["2016-06-30", "2018-10-01", "today"])
def test_demo_aggregates_leave_no_small_count_derivable(demo, day):  # noqa: F811
    as_of = timezone.localdate() if day == "today" else timezone.datetime.fromisoformat(
        day).date()
    hidden = 0
    with scope(municipality=demo):
        for report in reports:
            result = produce(report, demo, as_of, audience=Audience.AGGREGATE)
            counts = report.keys_of("count")
            found = audit(result.rows, result.totals, counts, report.row_sums,
                          report.relations)
            assert found.exposed == (), (report.name, found.exposed)
            hidden += sum(v in (PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER)
                          for row in result.rows for v in row.values())
    assert hidden > 0  # the demo has small counts: the audit had something to check
