"""The indicator list on the list component: sorting, the topic filter kept in the
export, queries that do not grow with the indicators."""

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from kim.monitoring.models import Indicator

URL = "/soest/monitoring/"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_sorting_by_name_changes_the_order(personas, soest):
    client = personas["steering"].client()
    with scope(municipality=soest):
        names = list(Indicator.objects.order_by("name", "pk").values_list("name", flat=True))
    assert len(names) > 1
    up = [i.name for i in client.get(URL + "?sort=name").context["table"].rows]
    down = [i.name for i in client.get(URL + "?sort=-name").context["table"].rows]
    assert up == names[:len(up)] and down == names[::-1][:len(down)] and up[0] != down[0]


def test_the_export_keeps_the_topic_filter(personas, figures, soest):
    client = personas["steering"].client()
    page = client.get(URL + "?topic=population", **EN).content.decode()
    assert 'href="?topic=population&amp;format=csv"' in page
    response = client.get(URL + "?topic=population&sort=-points&format=csv", **EN)
    assert response["Content-Disposition"] == 'attachment; filename="indikatoren.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Indicator", "Topic", "Unit of measure", "Source", "Latest period",
                       "Figures"]
    with scope(municipality=soest):
        population = Indicator.objects.filter(topic="population").count()
    assert len(rows) == 1 + population
    assert {r[1] for r in rows[1:]} == {"population"}
    assert (rows[1][0], rows[1][4], rows[1][5]) == (figures.name, "2018-12-31", "4")


def test_queries_do_not_grow_with_the_indicators(personas, soest):
    client = personas["steering"].client()

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL + "?sort=latest").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    with scope(municipality=soest):
        for i in range(5):
            Indicator.objects.create(municipality=soest, code=f"extra.{i}", name=f"Extra {i}",
                                     topic="population")
    assert count() == small
