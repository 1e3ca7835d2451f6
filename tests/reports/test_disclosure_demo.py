"""Every registered report on the demo data: its aggregate output passes the LP audit, and
its PDF fits the paper."""

import datetime
import re

import pytest
from django.utils import timezone, translation
from django_scopes import scope

from kim.core.models import Municipality
from kim.core.reports.disclosure import PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER, audit
from kim.core.reports.registry import reports
from kim.core.reports.renderers import as_pdf
from kim.core.reports.service import Audience, produce
from tests.housing.test_demo_housing import demo  # noqa: F401 (the module-scoped demo town)
from tests.reports.pdf_text import pdf_pages


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


# Every registered report as PDF on the same demo town (one load for both tests): the
# paper fits the table (issue 13 item 6).
MM = 72 / 25.4  # PDF points per mm


def _result_with_rows(report):
    """The report on a demo town today, else on 30 September 2018 (the [Soest] figures),
    else at the end of 2017 (Herne's fund)."""
    for town in Municipality.objects.filter(slug__in=("soest-demo", "herne-demo")
                                            ).order_by("-slug"):
        with scope(municipality=town):
            for day in (timezone.localdate(), datetime.date(2018, 9, 30),
                        datetime.date(2017, 12, 31)):
                result = produce(report, town, day, audience=Audience.DETAIL)
                if result.rows:
                    return result
    raise AssertionError(f"{report.name}: the demo has no rows to print")


@pytest.mark.django_db
def test_every_report_pdf_shows_every_column_on_the_paper(demo):  # noqa: F811
    translation.activate("de")
    results = [_result_with_rows(report) for report in reports]
    for result in results:
        report = result.report
        pages = pdf_pages(as_pdf.render(result))
        words = {w for page in pages for _a, _b, w in page.words}
        text = " ".join(w.replace("-", "") for w in words)
        for column in report.shown_columns:  # each header word (headers wrap at - too)
            missing = [w for w in str(column.label).replace("-", " ").split() if w not in text]
            assert not missing, (report.name, column.label, missing)
        for page in pages:  # nothing beyond the 15 mm margins (a cut-off column)
            assert page.width in (pytest.approx(210 * MM, abs=1), pytest.approx(297 * MM, abs=1))
            right = max(x_max for _x, x_max, _w in page.words)
            assert right <= page.width - 14 * MM, (report.name, right, page.width)
        iso = [w for w in words if re.fullmatch(r"\d{4}-\d\d(-\d\d)?", w)]
        assert not iso, (report.name, iso)  # dates and months as people read them
        for column in report.columns:  # codes stay in JSON/CSV: not one on paper
            if column.code:
                codes = {row[column.key] for row in result.rows} - {"", None}
                assert not codes & words, (report.name, column.key, codes & words)
    landscape = {r.report.name for r in results
                 if pdf_pages(as_pdf.render(r))[0].width > 250 * MM}
    assert {"housing_placement", "quota"} <= landscape
    assert {"users_by_role", "refugees_over_time"}.isdisjoint(landscape)
