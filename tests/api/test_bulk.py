"""POST /persons/bulk: the web's import, all or nothing, with row errors."""

import pytest
from django_scopes import scope

from kim.people.models import Person

pytestmark = pytest.mark.django_db

URL = "/api/v1/soest/persons/bulk"
ROW = {"external_id": "A-1", "family_name": "Beispiel", "given_names": "Amal",
       "birth_date": "1990-04-03", "sex": "f", "citizenship": "SY"}


def _count(town):
    with scope(municipality=town):
        return Person.objects.count()


def test_json_rows_are_imported(api_of, soest):
    r = api_of("caseworker").post(URL, {"rows": [ROW, {**ROW, "external_id": "A-2",
                                                       "given_names": "Rami"}]})
    assert r.status_code == 200, r.json()
    assert r.json()["created"] == 2
    assert r.json()["written"] is True
    with scope(municipality=soest):
        assert sorted(Person.objects.values_list("external_id", flat=True)) == ["A-1", "A-2"]


def test_one_bad_row_writes_nothing_and_is_named(api_of, soest):
    r = api_of("caseworker").post(URL, {"rows": [ROW, {**ROW, "external_id": "A-2",
                                                       "birth_date": "31.02.1990"}]})
    assert r.status_code == 400
    [error] = r.json()["errors"]
    assert (error["row"], error["column"], error["index"]) == (3, "birth_date", 1)
    assert _count(soest) == 0


def test_csv_body_and_dry_run(api_of, soest):
    csv = "Externe ID;Nachname;Vorname;Geburtsdatum;Geschlecht;Staatsangehörigkeit\n" \
          "B-1;Muster;Omar;03.04.1990;m;IQ\n"
    api = api_of("caseworker")
    r = api.client.post(URL + "?dry_run=1", csv.encode(), content_type="text/csv")
    assert r.status_code == 200, r.json()
    assert (r.json()["created"], r.json()["written"]) == (1, False)
    assert _count(soest) == 0
    r = api.client.post(URL, csv.encode(), content_type="text/csv")
    assert r.json()["written"] is True
    assert _count(soest) == 1


def test_unknown_columns_and_permissions(api_of, soest):
    r = api_of("caseworker").post(URL, {"rows": [{**ROW, "nickname": "x"}]})
    assert r.status_code == 400
    assert r.json()["errors"] == [{"row": 2, "column": "nickname",
                                   "message": "Unknown column."}]
    assert api_of("housing").post(URL, {"rows": [ROW]}).status_code == 403
    assert api_of("caseworker").get(URL).status_code == 405
    assert _count(soest) == 0
