"""Reports ``quota`` ([Soest] Tab. 1) and ``arrivals_by_origin`` ([Kamp-Lintfort])."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from django_scopes import scope

from kim.core.reports.registry import reports
from kim.core.reports.service import Audience, produce
from kim.people.models import Person
from kim.quota.domain.arrivals import arrivals, pivot

# [Kamp-Lintfort] "Zuweisungen 2021 und 2022": (persons, children) per year.
KAMP_LINTFORT = {
    "DZ": ((1, 0), (1, 0)), "SY": ((4, 1), (15, 0)), "IR": ((3, 0), (3, 1)),
    "TR": ((2, 1), (3, 0)), "IQ": ((21, 11), (0, 0)), "RU": ((2, 1), (4, 2)),
    "AF": ((21, 11), (21, 13)), "AO": ((2, 1), (0, 0)), "EG": ((2, 0), (0, 0)),
    "SO": ((2, 1), (0, 0)), "ER": ((1, 0), (0, 0)), "RS": ((0, 0), (3, 2)),
    "ML": ((0, 0), (1, 0)), "AZ": ((0, 0), (6, 2)), "UA": ((0, 0), (388, 135)),
}


def _persons(municipality, code, year, persons, children):
    assigned = datetime.date(year, 3, 15)
    return [Person(municipality=municipality, family_name=f"Test{code}{year}{i}",
                   given_names="Kim", citizenships=[code, "DE"] if i == 0 else [code],
                   assignment_date=assigned,
                   birth_date=assigned.replace(year=year - (10 if i < children else 30)))
            for i in range(persons)]


@pytest.fixture
def kamp_lintfort(soest):
    with scope(municipality=soest):
        people = []
        for code, cells in KAMP_LINTFORT.items():
            for year, (persons, children) in zip((2021, 2022), cells, strict=True):
                people += _persons(soest, code, year, persons, children)
        people.append(Person(municipality=soest, family_name="Ohne", given_names="Zuweisung",
                             citizenships=["SY"], birth_date=datetime.date(1990, 1, 1)))
        Person.objects.bulk_create(people)
    return soest


def _report(name, as_of, *extra):
    out = StringIO()
    call_command("report", name, "--municipality", "soest", "--as-of", as_of, *extra,
                 stdout=out)
    return json.loads(out.getvalue())


def test_arrivals_reproduce_the_kamp_lintfort_table(kamp_lintfort):
    with scope(municipality=kamp_lintfort):
        years, table, totals = pivot(arrivals(kamp_lintfort, datetime.date(2022, 12, 31)))
    assert years == [2021, 2022]
    assert totals == [(61, 27), (445, 155)]
    assert {r.country: tuple(r.cells) for r in table} == KAMP_LINTFORT
    assert table[0].country == "UA" and table[1].country == "AF"


def test_arrivals_report_rows_and_totals(kamp_lintfort):
    with translation.override("de"):
        data = _report("arrivals_by_origin", "2022-12-31")
    assert data["totals"] == {"persons": 506, "children": 182}
    assert data["rows"][0] == {"year": "2021", "country_code": "AF", "country": "Afghanistan",
                               "persons": 21, "children": 11}
    egypt = next(r for r in data["rows"] if r["country_code"] == "EG")
    assert egypt == {"year": "2021", "country_code": "EG", "country": "Ägypten", "persons": 2,
                     "children": 0}
    assert not data["suppressed"]
    assert _report("arrivals_by_origin", "2021-12-31")["totals"] == {"persons": 61,
                                                                       "children": 27}


def test_arrivals_report_for_aggregate_audiences_hides_small_counts(kamp_lintfort):
    data = _report("arrivals_by_origin", "2022-12-31", "--aggregate")
    assert data["suppressed"]
    algeria = [r for r in data["rows"] if r["country_code"] == "DZ"]
    assert [r["persons"] for r in algeria] == ["<3", "<3"]
    assert data["totals"]["persons"] == 506


def test_child_means_under_18_on_the_day_of_assignment(soest):
    day = datetime.date(2020, 2, 29)
    with scope(municipality=soest):
        Person.objects.bulk_create([
            Person(municipality=soest, family_name="A", given_names="B", citizenships=["XX"],
                   assignment_date=day, birth_date=datetime.date(2002, 2, 28)),  # 18
            Person(municipality=soest, family_name="C", given_names="D", citizenships=["XX"],
                   assignment_date=day, birth_date=datetime.date(2002, 3, 1))])  # 17
        (row,) = arrivals(soest, day)
    assert (row.country, row.persons, row.children) == ("XX", 2, 1)


def test_quota_report_is_soest_table_1(sept_2018):
    data = _report("quota", "2018-09-30")
    assert data["rows"] == [{
        "month": "2018-09", "ags": "05974040", "name": "Soest", "key_percent": 0.267870503,
        "stock": 172, "facility_credited": 0.0, "credited": 172.0, "obligation": 217.39,
        "gap": -45.39, "quota_percent": 79.12, "rank": 1, "municipalities": 4}]
    assert _report("quota", "2018-08-31")["rows"] == []  # no month on or before that date


def test_quota_report_for_steering_shows_the_same_public_figures(personas, soest, sept_2018):
    with scope(municipality=soest):
        result = produce(reports.get("quota"), soest, datetime.date(2018, 10, 7),
                         audience=Audience.AGGREGATE)
    assert str(result.rows[0]["quota_percent"]) == "79.12" and not result.suppressed
    # steering is an aggregate audience: month ends only (kim/core/reports/dates.py)
    html = personas["steering"].client().get(
        "/soest/reports/quota/?as_of=2018-10-31").content.decode()
    assert "79,12" in html and "217,39" in html


def test_arrivals_page_pivots_years(personas, kamp_lintfort):
    html = personas["caseworker"].client().get(
        "/soest/quota/arrivals/?first_year=2021&last_year=2022").content.decode()
    assert '<th scope="colgroup" colspan="2">2021</th>' in html
    assert ('<th scope="row">Ukraine</th><td class="num">0</td><td class="num">0</td>'
            '<td class="num">388</td><td class="num">135</td>') in html
    assert ('<td class="num">61</td><td class="num">27</td><td class="num">445</td>'
            '<td class="num">155</td>') in html


def test_arrivals_page_rejects_reversed_years(personas, kamp_lintfort):
    html = personas["caseworker"].client().get(
        "/soest/quota/arrivals/?first_year=2023&last_year=2021").content.decode()
    assert "field-error" in html


def test_children_are_counted_exactly_in_the_database(soest):
    """The grouped query: a leap-day birth turns 18 on 1 March in a common year, and a
    person without a recorded citizenship counts as stateless or unknown."""
    with scope(municipality=soest):
        Person.objects.bulk_create([
            Person(municipality=soest, family_name=name, given_names="X", citizenships=cit,
                   assignment_date=assigned, birth_date=datetime.date(2004, 2, 29))
            for name, cit, assigned in (
                ("A", ["SY"], datetime.date(2022, 2, 28)),  # 17: birthday still to come
                ("B", ["SY"], datetime.date(2022, 3, 1)),  # 18
                ("C", [], datetime.date(2022, 3, 1)))])
        rows = arrivals(soest, datetime.date(2022, 12, 31))
    assert [(r.year, r.country, r.persons, r.children) for r in rows] == [
        (2022, "SY", 2, 1), (2022, "XX", 1, 0)]
