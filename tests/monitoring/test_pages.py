"""Indicator pages and the import through the views: who sees what, exact figures for the
coordinator, disclosure-controlled ones for aggregate audiences."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope

from kim.core.views import once
from kim.monitoring.models import Indicator, Observation, ObservationImport

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
PERIOD = datetime.date(2018, 12, 31)


def test_catalogue_is_loaded_for_every_municipality(soest, herne):
    for town in (soest, herne):
        with scope(municipality=town):
            codes = set(Indicator.objects.values_list("code", flat=True))
            share = Indicator.objects.get(code="pop.migration_share")
            assert share.numerator.code == "pop.migration"
            assert share.denominator.code == "pop.total"
        assert len(codes) == 51 and {"course.entrants", "crime.suspects_foreign"} <= codes


@pytest.mark.parametrize(("role", "status"), [
    ("coordinator", 200), ("steering", 200), ("caseworker", 200), ("benefits", 200),
    ("housing", 200), ("school_office", 200), ("provider", 403),
    ("volunteer_coordinator", 403), ("foreign", 404)])
def test_who_may_open_an_indicator(personas, figures, role, status):
    response = personas[role].client().get(f"/soest/monitoring/indicators/{figures.pk}/",
                                            **EN)
    assert response.status_code == status


def test_coordinator_sees_exact_figures_and_a_chart(personas, figures):
    text = personas["coordinator"].client().get(
        f"/soest/monitoring/indicators/{figures.pk}/", **EN).content.decode()
    assert "<svg" in text and "polyline" not in text  # one period: a dot, no line
    cells = text.split("<tbody>")[1].split("</tbody>")[0]
    assert cells.count('<td class="num">') == 4  # town, Mitte, Süd, West: all exact
    assert all(f'<td class="num">{v}</td>' in cells for v in (47, 15, 30, 2))
    assert "Edit indicator" in text


def test_steering_sees_the_small_count_hidden_and_not_derivable(personas, figures):
    text = personas["steering"].client().get(
        f"/soest/monitoring/indicators/{figures.pk}/", **EN).content.decode()
    cells = text.split("<tbody>")[1].split("</tbody>")[0]
    assert ">&lt;3<" in cells and ">2<" not in cells
    # 47 − 15 − 30 would give the 2 back: the smallest partner is hidden too
    # (47 = x + 30 + "<3" leaves x at 15 or 16, the "<3" at 2 or 1)
    assert cells.count(">x<") == 1 and ">15<" not in cells
    assert ">47<" in cells and ">30<" in cells
    assert "Edit indicator" not in text and "counts of 1 or 2" in text


CSV = ("indicator;period;area;value\n"
       "pop.foreign;2019;;50\n"
       "pop.foreign;2019;Mitte;16\n"
       "pop.foreign;2019;Süd;30\n"
       "pop.foreign;2019;West;3\n"
       "pop.total;31.12.2019;;48.015\n")


def post_import(client, content, name="daten.csv"):
    return client.post("/soest/monitoring/imports/", {
        "file": SimpleUploadedFile(name, content.encode("utf-8")), "source": "Meldeamt",
        once.FIELD: once.new_token()}, **EN)


def test_import_stores_rows_and_shows_findings(personas, figures, soest):
    response = post_import(personas["coordinator"].client(), CSV)
    assert response.status_code == 200
    text = response.content.decode()
    assert "5 rows imported" in text
    assert "pop.foreign 31.12.2019: published 50, districts add up to 49" in text
    with scope(municipality=soest):
        record = ObservationImport.objects.get()
        assert record.findings == [{"kind": "row", "label": "pop.foreign 31.12.2019",
                                    "published": 50, "computed": 49}]
        total = Observation.objects.get(indicator__code="pop.total")
        assert total.value == Decimal(48015) and total.source_import == record


def test_a_bad_row_stops_the_whole_import_and_is_named(personas, figures, soest):
    bad = CSV + "pop.nope;2019;;1\npop.foreign;2019;Nirgendwo;1\npop.total;2019;Mitte;1,5\n"
    text = post_import(personas["coordinator"].client(), bad).content.decode()
    assert "The file was not imported" in text
    assert "Row 7, column “indicator”: unknown indicator &#x27;pop.nope&#x27;" in text
    assert "Row 8, column “area”: unknown area &#x27;Nirgendwo&#x27;" in text
    assert "Row 9, column “value”: &#x27;1,5&#x27; is not a whole number ≥ 0" in text
    with scope(municipality=soest):
        assert not ObservationImport.objects.exists()
        assert Observation.objects.count() == 4  # only the fixture's


def test_a_second_import_replaces_and_keeps_the_previous_value(personas, figures, soest):
    client = personas["coordinator"].client()
    post_import(client, "indicator,period,area,value\npop.foreign,2018,West,3\n")
    with scope(municipality=soest):
        west = Observation.objects.get(area__name="West")
        assert (west.value, west.previous) == (Decimal(3), Decimal(2))
        assert ObservationImport.objects.get().replaced == 1


def test_only_the_coordinator_imports_and_edits(personas, figures):
    for role in ("steering", "caseworker"):
        client = personas[role].client()
        assert client.get("/soest/monitoring/imports/").status_code == 403
        assert client.get(f"/soest/monitoring/indicators/{figures.pk}/edit/"
                          ).status_code == 403
    assert personas["coordinator"].client().get("/soest/monitoring/imports/"
                                                ).status_code == 200


def test_edit_refuses_half_a_formula(personas, figures, soest):
    with scope(municipality=soest):
        total = Indicator.objects.get(code="pop.total")
    response = personas["coordinator"].client().post(
        f"/soest/monitoring/indicators/{figures.pk}/edit/",
        {"code": "pop.foreign", "name": "Ausländer", "topic": "population",
         "unit": "persons", "level": "district", "periodicity": "annual",
         "numerator": total.pk, once.FIELD: once.new_token()}, **EN)
    assert response.status_code == 200
    assert "needs both a numerator and a denominator" in response.content.decode()


def test_list_groups_by_field(personas, figures):
    text = personas["school_office"].client().get("/soest/monitoring/", **EN
                                                  ).content.decode()
    assert "Integration courses" in text and "31.12.2018" in text
    assert "Import observations" not in text


def test_start_page_card_shows_key_figures_as_the_role_may_see_them(personas, figures):
    for role in ("steering", "coordinator"):
        text = personas[role].client().get("/soest/", **EN).content.decode()
        card = text.split('id="card-monitoring"')[1].split("</section>")[0]
        assert "Ausländerinnen und Ausländer" in card
        assert '<td class="number">47<br><small>as of 12/31/2018</small></td>' in card
    text = personas["provider"].client().get("/soest/", **EN).content.decode()
    assert 'id="card-monitoring"' not in text
