"""The fund's application lists on the list component: sorting, the decision filter kept
in the export, queries that do not grow."""

import csv
import io
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from tests.fund.factories import ApplicationFactory
from tests.fund.test_fund import EN, approve, fund  # noqa: F401 (fixture)

URL = "/soest/fund/applications/"


def test_sorting_by_amount_changes_the_order(personas, fund):  # noqa: F811
    client = personas["steering"].client()
    rows = client.get(URL + "?sort=requested").context["table"].rows
    assert [a.pk for a in rows] == [fund["b"].pk, fund["a"].pk]
    rows = client.get(URL + "?sort=-requested").context["table"].rows
    assert [a.pk for a in rows] == [fund["a"].pk, fund["b"].pk]


def test_the_export_keeps_the_decision_filter(personas, fund, soest):  # noqa: F811
    with scope(municipality=soest):
        approve(fund["b"], "4000.00")
    client = personas["steering"].client()
    page = client.get(URL + "?decision=approved", **EN).content.decode()
    assert 'href="?decision=approved&amp;format=csv"' in page
    response = client.get(URL + "?decision=approved&format=csv", **EN)
    assert response["Content-Disposition"] == 'attachment; filename="foerderantraege.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Project", "Applicant", "Round", "Submitted on", "Field of action",
                       "Amount requested", "Decision", "Granted"]
    assert [(r[0], r[5], r[6], r[7]) for r in rows[1:]] == [
        (fund["b"].title, "5000.00", "approved", "4000.00")]


def test_queries_do_not_grow_with_the_applications(personas, fund, soest):  # noqa: F811
    client = personas["steering"].client()

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL + "?sort=applicant").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    with scope(municipality=soest):
        for _ in range(4):
            ApplicationFactory(round=fund["round"], amount_requested=Decimal("100.00"))
    assert count() == small
