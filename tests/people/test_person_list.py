"""The person list is a kim list (kim/core/lists.py): sortable, exportable with the filter
and order shown, stacked on phones – and a search keeps the ranked order by default."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from tests.people.factories import PersonFactory


def _people(soest):
    with scope(municipality=soest):
        return {
            "young": PersonFactory(municipality=soest, family_name="Hosseini",
                                   given_names="Amir", birth_date=dt.date(2001, 5, 1)),
            "old": PersonFactory(municipality=soest, family_name="Husseini",
                                 given_names="Bahar", birth_date=dt.date(1970, 2, 3)),
            "middle": PersonFactory(municipality=soest, family_name="Hussaini",
                                    given_names="Cyrus", birth_date=dt.date(1985, 7, 9)),
            "evil": PersonFactory(municipality=soest, family_name="Zand",
                                  given_names="=HYPERLINK(\"http://x\")",
                                  birth_date=dt.date(1990, 1, 1)),
        }


def _order(page, *names):
    return sorted(names, key=page.index)


def test_without_a_query_the_list_is_by_name_and_sorts_by_birth_date(personas, soest):
    _people(soest)
    client = personas["caseworker"].client()
    page = client.get("/soest/persons/").content.decode()
    assert _order(page, "Amir", "Bahar", "Cyrus") == ["Amir", "Cyrus", "Bahar"]
    assert 'aria-sort="ascending"' in page and 'data-label="Geburtsdatum"' in page
    page = client.get("/soest/persons/?sort=-birth").content.decode()
    assert _order(page, "Amir", "Bahar", "Cyrus") == ["Amir", "Cyrus", "Bahar"]
    page = client.get("/soest/persons/?sort=birth").content.decode()
    assert _order(page, "Amir", "Bahar", "Cyrus") == ["Bahar", "Cyrus", "Amir"]


def test_a_search_is_ranked_until_a_column_is_chosen(personas, soest):
    _people(soest)
    client = personas["caseworker"].client()
    page = client.get("/soest/persons/?q=Hoseini").content.decode()
    assert page.index("Amir") < min(page.index("Bahar"), page.index("Cyrus"))  # exact first
    assert "aria-sort" not in page and "Beste Treffer zuerst" in page
    page = client.get("/soest/persons/?q=Hoseini&sort=birth").content.decode()
    assert _order(page, "Amir", "Bahar", "Cyrus") == ["Bahar", "Cyrus", "Amir"]
    assert "Zand" not in page
    assert 'href="?q=Hoseini&amp;"' in page  # back to the ranked order


def test_export_has_the_filtered_rows_in_the_order_shown_and_no_formula(personas, soest):
    _people(soest)
    client = personas["caseworker"].client()
    lines = client.get("/soest/persons/?q=Hoseini&sort=-birth&format=csv"
                       ).content.decode("utf-8-sig").splitlines()
    assert [line.split(",")[1] for line in lines[1:]] == ["Hosseini", "Hussaini", "Husseini"]
    lines = client.get("/soest/persons/?q=Zand&format=csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in lines and ",=HYPERLINK" not in lines


def test_list_and_search_queries_are_constant(personas, soest):
    client = personas["caseworker"].client()

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    urls = ["/soest/persons/", "/soest/persons/?q=Hoseini", "/soest/persons/?sort=-birth",
            "/soest/persons/?q=Hoseini&sort=birth"]
    _people(soest)
    small = [count(url) for url in urls]
    with scope(municipality=soest):
        for i in range(25):
            PersonFactory(municipality=soest, family_name="Hosseini", given_names=f"N{i}")
    assert [count(url) for url in urls] == small
