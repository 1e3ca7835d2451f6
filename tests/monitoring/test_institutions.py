"""Institutions (schools, Kitas: the town's Organisations) as units of observation: stored
next to districts, imported by name, shown and compared with the same disclosure control,
and the segregation series over them."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django_scopes import scope

from kim.core.models import Area, Organisation
from kim.monitoring.domain.chart import bar_chart
from kim.monitoring.domain.segregation import INSTITUTIONS, segregation_series
from kim.monitoring.domain.series import series
from kim.monitoring.models import Indicator, Observation, ObservationImport
from tests.api.conftest import Api, token_for

from .test_pages import EN, post_import

PERIOD = datetime.date(2018, 12, 31)


def observe(municipality, code, values, period=PERIOD):
    indicator = Indicator.objects.get(code=code)
    for place, value in values.items():
        place = {"institution": place} if isinstance(place, Organisation) else {"area": place}
        Observation.objects.create(municipality=municipality, indicator=indicator,
                                   period=period, value=Decimal(value), **place)
    return indicator


@pytest.fixture
def schools(soest):
    """Foreign pupils of three schools and the town (47 = 15 + 30 + 2), all pupils."""
    with scope(municipality=soest):
        orgs = {name: Organisation.objects.create(municipality=soest, name=name,
                                                  kinds=["school"])
                for name in ("Astrid-Lindgren-Grundschule", "Bruno-Grundschule",
                             "Georg-Grundschule")}
        a, b, g = orgs.values()
        observe(soest, "school.pupils_foreign", {None: 47, a: 30, b: 15, g: 2})
        observe(soest, "school.pupils", {None: 300, a: 100, b: 100, g: 100})
    return orgs


def test_an_observation_has_an_area_or_an_institution_never_both(soest, schools):
    with scope(municipality=soest):
        area = Area.objects.create(municipality=soest, name="Mitte")
        school = schools["Bruno-Grundschule"]
        indicator = Indicator.objects.get(code="school.pupils")
        with pytest.raises(IntegrityError), transaction.atomic():
            Observation.objects.create(municipality=soest, indicator=indicator, period=PERIOD,
                                       area=area, institution=school, value=1)
        with pytest.raises(IntegrityError), transaction.atomic():  # one value per school
            observe(soest, "school.pupils", {school: 99})
        observe(soest, "school.pupils", {area: 99})  # the district is another unit
        assert Observation.objects.filter(indicator=indicator).count() == 5


def test_the_table_has_a_column_per_institution(soest, schools):
    with scope(municipality=soest):
        table = series(Indicator.objects.get(code="school.pupils_foreign"), aggregate=False)
    assert [(c.label, c.area_id, c.institution_id) for c in table.columns] == [
        ("Soest", None, None), *[(name, None, org.pk) for name, org in schools.items()]]
    assert [table.rows[0][c.key] for c in table.columns] == [47, 30, 15, 2]


def test_steering_sees_the_schools_protected_as_districts(personas, schools, soest):
    with scope(municipality=soest):
        indicator = Indicator.objects.get(code="school.pupils_foreign").pk
    text = personas["steering"].client().get(
        f"/soest/monitoring/indicators/{indicator}/", **EN).content.decode()
    cells = text.split("<tbody>")[1].split("</tbody>")[0]
    # 47 − 30 − 15 would give the 2 back: the smallest partner (15) is hidden too
    assert ">&lt;3<" in cells and cells.count(">x<") == 1
    assert ">2<" not in cells and ">15<" not in cells
    assert ">47<" in cells and ">30<" in cells
    assert "Georg-Grundschule" in text
    exact = personas["coordinator"].client().get(
        f"/soest/monitoring/indicators/{indicator}/districts/", **EN).content.decode()
    assert exact.count('<rect class="bar"') == 3
    assert '<th scope="row">Georg-Grundschule</th><td class="num">2</td>' in exact
    assert "<h1>Institutions compared: " in exact and '<th scope="col">Institution</th>' in exact
    assert "Compare the institutions" in text


CSV = ("indicator;period;area;institution;value\n"
       "school.pupils;2019;;;310\n"
       "school.pupils;2019;;Bruno-Grundschule;105\n"
       "school.pupils;2019;;georg-grundschule ;104\n")


def test_import_by_institution_name(personas, schools, soest):
    text = post_import(personas["coordinator"].client(), CSV).content.decode()
    assert "3 rows imported" in text
    with scope(municipality=soest):
        georg = Observation.objects.get(period=datetime.date(2019, 12, 31),
                                        institution__name="Georg-Grundschule")
        assert (georg.value, georg.area) == (Decimal(104), None)
        assert ObservationImport.objects.get().findings == []  # schools are no districts


def test_import_names_an_unknown_institution_and_a_row_with_both(personas, schools, soest):
    with scope(municipality=soest):
        Area.objects.create(municipality=soest, name="Mitte")
    bad = CSV + ("school.pupils;2019;;Hogwarts;1\n"
                 "school.pupils;2019;Mitte;Bruno-Grundschule;1\n"
                 "school.pupils;2019;;Bruno-Grundschule;106\n")
    text = post_import(personas["coordinator"].client(), bad).content.decode()
    assert "The file was not imported" in text
    assert "Row 5, column “institution”: unknown institution &#x27;Hogwarts&#x27;" in text
    assert "Row 6, column “institution”: give an area or an institution, not both" in text
    assert ("Row 7, column “value”: the same indicator, period and area or institution as "
            "row 3") in text
    with scope(municipality=soest):
        assert not ObservationImport.objects.exists()
        assert Observation.objects.count() == 8  # only the fixture's


def test_segregation_over_schools_by_hand(soest, schools):
    with scope(municipality=soest):
        a, b, _g = schools.values()
        period = datetime.date(2019, 12, 31)
        minority = observe(soest, "school.pupils_foreign", {a: 40, b: 10}, period)
        total = observe(soest, "school.pupils", {a: 50, b: 50}, period)
        points, gaps = segregation_series(minority, total, over=INSTITUTIONS)
        shown, hidden = segregation_series(minority, total, over=INSTITUTIONS,
                                           aggregate=True)
        districts, _ = segregation_series(minority, total)
    # 2018: ½ (|30/47 − 70/253| + |15/47 − 85/253| + |2/47 − 98/253|) = 0.36162;
    # isolation 30/47·0.3 + 15/47·0.15 + 2/47·0.02 = 0.24021
    # 2019: ½ (|40/50 − 10/50| + |10/50 − 40/50|) = 0.6; isolation 0.8² + 0.2² = 0.68
    assert [(p.period.year, p.units, p.minority, p.total, p.dissimilarity, p.isolation,
             p.exposure) for p in points] == [(2018, 3, 47, 300, 0.3616, 0.2402, 0.7598),
                                              (2019, 2, 50, 100, 0.6, 0.68, 0.32)]
    assert gaps == []
    assert [p.period.year for p in shown] == [2019]  # Georg's 2 in 2018
    assert [(g.period.year, g.reason) for g in hidden] == [(2018, "a unit has a small count")]
    assert districts == []


def test_segregation_page_over_schools(personas, schools):
    url = ("/soest/monitoring/segregation/?minority=school.pupils_foreign"
           "&total=school.pupils")
    exact = personas["coordinator"].client().get(url, **EN).content.decode()
    assert '<option value="institutions" selected>' in exact  # the indicator's level
    assert '<td class="num">0.3616</td><td class="num">0.2402</td>' in exact
    steering = personas["steering"].client().get(url, **EN).content.decode()
    assert "0.3616" not in steering and "31.12.2018" in steering
    over_areas = personas["coordinator"].client().get(url + "&over=areas", **EN)
    assert "No period has both figures" in over_areas.content.decode()


def test_api_gives_the_institution_of_an_observation(personas, schools, soest):
    coordinator = personas["coordinator"]
    api = Api(token_for(coordinator.user, soest))
    with scope(municipality=soest):
        georg = schools["Georg-Grundschule"]
        indicator = Indicator.objects.get(code="school.pupils_foreign")
    base = f"/api/v1/soest/observations/?indicator={indicator.pk}"
    rows = api.get(f"{base}&institution={georg.pk}").json()["results"]
    assert [(o["institution"], o["area"], o["value"]) for o in rows] == [
        (georg.pk, None, "2.0000")]
    town = api.get(f"{base}&town=true").json()["results"]
    assert [(o["institution"], o["value"]) for o in town] == [(None, "47.0000")]
    table = api.get(f"/api/v1/soest/indicators/{indicator.pk}/").json()["table"]
    assert [c["institution"] for c in table["columns"]] == [
        None, *[org.pk for org in schools.values()]]


def test_long_school_names_are_shortened_to_fit_the_bar_chart():
    chart = bar_chart([("Conrad-von-Soest-Gymnasium", Decimal(17), "17"),
                       ("Astrid-Lindgren-GS", Decimal(69), "69")])
    assert [b.label for b in chart.bars] == ["Conrad-von-Soest-Gy…", "Astrid-Lindgren-GS"]
