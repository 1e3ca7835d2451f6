"""The course list on the one list component: sortable columns, the filter kept in the
export (with the counts of every exported course), queries that do not grow."""

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from tests.education.factories import CourseFactory, ReferralFactory

URL = "/soest/education/courses/"


def _titles(page):
    return [c.title for c in page.context["table"].rows]


def test_sorting_by_a_column_changes_the_order(personas, town, soest):
    with scope(municipality=soest):
        town.course.title, town.course.seats = "Alpha", 30
        town.course.save()
        town.other_course.title, town.other_course.seats = "Beta", 10
        town.other_course.save()
    client = personas["school_office"].client()
    assert _titles(client.get(URL + "?sort=title")) == ["Alpha", "Beta"]
    assert _titles(client.get(URL + "?sort=-title")) == ["Beta", "Alpha"]
    assert _titles(client.get(URL + "?sort=seats")) == ["Beta", "Alpha"]
    page = client.get(URL + "?sort=seats").content.decode()
    assert 'aria-sort="ascending"' in page and "2 Kurse" in page


def test_the_export_has_the_filtered_rows_with_their_counts(personas, town, soest):
    with scope(municipality=soest):
        CourseFactory(municipality=soest, provider=town.kolping, title="Abgesagt",
                      status="cancelled")
        ReferralFactory(course=town.course, start=town.course.start)
    client = personas["school_office"].client()
    page = client.get(URL + "?status=running&sort=title").content.decode()
    assert 'href="?status=running&amp;sort=title&amp;format=csv"' in page
    response = client.get(URL + "?status=running&sort=title&format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="kurse.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Kurs", "Art", "Träger", "Start", "Status", "Plätze", "Belegt",
                       "Zugewiesen"]
    assert [(r[0], r[2], r[6], r[7]) for r in rows[1:]] == [
        (town.course.title, "Kolping Test", "1", "2"),
        (town.other_course.title, "ESTA Test", "0", "1")]


def test_queries_do_not_grow_with_the_courses(personas, town, soest):
    client = personas["school_office"].client()

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL + "?sort=provider").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    with scope(municipality=soest):
        for _ in range(5):
            ReferralFactory(course=CourseFactory(municipality=soest))
    assert count() == small
