"""Shared master data: areas, organisations, fields of action – validation, pages, and
the municipality's defaults."""

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope

from kim.core.models import Area, FieldOfAction, Organisation

SQUARE = {"type": "Polygon",
          "coordinates": [[[8.1, 51.5], [8.2, 51.5], [8.2, 51.6], [8.1, 51.6], [8.1, 51.5]]]}


def test_a_new_municipality_gets_the_default_fields_of_action(in_soest):
    codes = list(FieldOfAction.objects.values_list("code", flat=True))
    assert codes == ["language", "kita_school", "vocational_college", "work_qualification",
                     "housing", "leisure_participation", "health"]
    assert FieldOfAction.objects.get(code="language").name == "Sprache"


def test_a_sub_district_needs_a_district_of_the_same_municipality(soest, herne):
    with scope(municipality=soest):
        sued = Area.objects.create(municipality=soest, name="Soest-Süd")
        part = Area(municipality=soest, name="Soester Süden", level=Area.Level.SUB_DISTRICT)
        with pytest.raises(ValidationError) as err:
            part.full_clean()
        assert "parent" in err.value.message_dict
        part.parent = sued
        part.full_clean()
        nested = Area(municipality=soest, name="Mitte", parent=sued)
        with pytest.raises(ValidationError):
            nested.full_clean()  # a district is part of no other area
    with scope(municipality=herne):
        foreign = Area(municipality=herne, name="Wanne", level=Area.Level.SUB_DISTRICT,
                       parent=sued)
        with pytest.raises(ValidationError) as err:
            foreign.full_clean()
        assert "parent" in err.value.message_dict


@pytest.mark.parametrize("geometry, ok", [
    (None, True), (SQUARE, True),
    ({"type": "Point", "coordinates": [8.1, 51.5]}, False),
    ({"type": "Polygon", "coordinates": [[[8.1, 51.5], [8.2, 51.5], [8.1, 51.5]]]}, False),
    ({"type": "Polygon", "coordinates": [[[800, 51.5], [8.2, 51.5], [8.2, 51.6], [800, 51.5]]]},
     False),
    ({"type": "Polygon", "coordinates": "nonsense"}, False),
])
def test_area_outlines_are_checked(in_soest, geometry, ok):
    area = Area(municipality=in_soest, name="Bezirk", geometry=geometry)
    if ok:
        area.full_clean()
    else:
        with pytest.raises(ValidationError) as err:
            area.full_clean()
        assert "geometry" in err.value.message_dict


def test_organisation_needs_a_known_kind(in_soest):
    with pytest.raises(ValidationError) as err:
        Organisation(municipality=in_soest, name="VHS", kinds=["rocket"]).full_clean()
    assert "kinds" in err.value.message_dict
    Organisation(municipality=in_soest, name="VHS", kinds=["provider"]).full_clean()


def test_coordinator_records_an_area_and_an_organisation(personas, soest):
    client = personas["coordinator"].client()
    response = client.post("/soest/admin/areas/new/", {
        "name": "Soest-Süd", "code": "05", "level": "district", "geometry_text": "{"})
    assert response.status_code == 200
    assert "geometry_text" in response.context["form"].errors  # not JSON: nothing written
    response = client.post("/soest/admin/areas/new/", {
        "name": "Soest-Süd", "code": "05", "level": "district", "geometry_text": ""})
    assert response.status_code == 302
    with scope(municipality=soest):
        area = Area.objects.get(name="Soest-Süd")
    response = client.post("/soest/admin/organisations/new/", {
        "name": "Volkshochschule", "kinds": ["provider", "counselling"], "area": area.pk,
        "website": "vhs-soest.example", "active": "on"})
    assert response.status_code == 302
    with scope(municipality=soest):
        vhs = Organisation.objects.get(name="Volkshochschule")
    assert vhs.kinds == ["provider", "counselling"] and vhs.area == area
    assert vhs.website == "https://vhs-soest.example"
    page = client.get("/soest/admin/organisations/").content.decode()
    assert "Volkshochschule" in page and "Bildungsträger, Beratungsstelle" in page


def test_a_foreign_area_cannot_be_chosen(personas, soest, herne):
    with scope(municipality=herne):
        foreign = Area.objects.create(municipality=herne, name="Wanne")
    response = personas["coordinator"].client().post("/soest/admin/organisations/new/", {
        "name": "Verein", "kinds": ["club"], "area": foreign.pk})
    assert response.status_code == 200
    assert "area" in response.context["form"].errors
