"""Reports through the API: the pages' audience rule and parameter form."""

import pytest

pytestmark = pytest.mark.django_db


def test_list_names_what_the_role_may_see(api_of, soest):
    steering = api_of("steering").get("/api/v1/soest/reports/").json()["results"]
    entry = next(r for r in steering if r["name"] == "benefit_recipients")
    assert entry["aggregate"] is True and "as_of" in entry["parameters"]
    caseworker = api_of("caseworker").get("/api/v1/soest/reports/").json()["results"]
    assert next(r for r in caseworker if r["name"] == "benefit_recipients")[
        "aggregate"] is False


def test_report_with_parameters_and_disclosure(api_of, soest):
    url = "/api/v1/soest/reports/benefit_recipients/"
    r = api_of("caseworker").get(url + "?as_of=2025-03-14")
    assert r.status_code == 200, r.json()
    assert (r.json()["report"], r.json()["as_of"]) == ("benefit_recipients", "2025-03-14")
    # aggregate audiences get month ends only (the page's form refuses other days)
    r = api_of("steering").get(url + "?as_of=2025-03-14")
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "as_of"
    assert api_of("steering").get(url + "?as_of=2025-02-28").status_code == 200
    assert api_of("caseworker").get(url + "?as_of=14.03.2025x").status_code == 400


def test_unknown_and_forbidden_reports(api_of, soest):
    assert api_of("caseworker").get("/api/v1/soest/reports/nonsense/").status_code == 404
    assert api_of("caseworker", modules=["people"]).get(
        "/api/v1/soest/reports/").status_code == 403


@pytest.mark.parametrize("persona", ["caseworker", "housing", "coordinator", "steering",
                                     "school_office", "admin"])
def test_every_report_answers_without_parameters_as_its_page(api_of, personas, soest,
                                                             persona):
    from kim.core.reports.registry import reports

    api, web = api_of(persona), personas[persona].client()
    for name in reports.names:
        page = web.get(f"/soest/reports/{name}/").status_code
        assert api.get(f"/api/v1/soest/reports/{name}/").status_code == page, name
