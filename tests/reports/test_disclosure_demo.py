"""Every registered report's aggregate output on the demo data passes the LP audit."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scope

from kim.core.models import Municipality
from kim.reports.disclosure import PRIMARY_MARKER, SECONDARY_MARKER, audit
from kim.reports.registry import reports
from kim.reports.service import Audience, produce


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())
        yield Municipality.objects.get(slug="soest-demo")
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["2016-06-30", "2018-10-01", "today"])
def test_demo_aggregates_leave_no_small_count_derivable(demo, day):
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
            hidden += sum(v in (PRIMARY_MARKER, SECONDARY_MARKER)
                          for row in result.rows for v in row.values())
    assert hidden > 0  # the demo has small counts: the audit had something to check
