"""The Land table through the shared list: paged with this municipality's page first,
sortable, exportable, German grouping of thousands (issue 13 item 3)."""

import csv
import datetime
import io

import pytest
from django_scopes import scope

from kim.quota.domain.statistics import import_statistics
from tests.quota.conftest import SOEST_AGS, land_csv


@pytest.fixture
def big_land(soest):
    """Soest at the bottom of 60 municipalities by rank (its quota is the highest)."""
    rows = [(SOEST_AGS, "Soest", "0.100000000", 5000, 0, 0)]
    rows += [(f"05{n:06d}", f"Gemeinde {n:02d}", f"{99.9 / 59:.9f}", 10, 0, 0)
             for n in range(59)]
    with scope(municipality=soest):
        import_statistics(soest, land_csv(rows), datetime.date(2018, 9, 1))


def test_the_page_of_the_own_row_opens_and_other_pages_follow(personas, big_land):
    client = personas["caseworker"].client()
    html = client.get("/soest/quota/").content.decode()
    assert '<tr class="own">' in html and "Seite 3 von 3" in html  # 25 a page
    first = client.get("/soest/quota/?page=1").content.decode()
    assert '<tr class="own">' not in first and "Gemeinde" in first


def test_sorted_by_name_and_exported_in_that_order(personas, big_land):
    client = personas["caseworker"].client()
    html = client.get("/soest/quota/?sort=-name").content.decode()
    assert html.index("Soest") < html.index("Gemeinde 58")
    response = client.get("/soest/quota/?sort=-name&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Rang", "AGS", "Kommune"]
    assert [r[2] for r in rows[1:3]] == ["Soest", "Gemeinde 58"]
    assert len(rows) == 61


def test_thousands_are_grouped_in_german(personas, big_land):
    html = personas["caseworker"].client().get("/soest/quota/").content.decode()
    own = html[html.index('<tr class="own">'):]
    own = own[:own.index("</tr>")]
    assert '<td class="num" data-label="Bestand">5.000</td>' in own
    assert 'data-label="Erfüllungsquote (%)">89.445,44</td>' in own
