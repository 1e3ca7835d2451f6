"""Every date a page accepts is bounded (issue 10): a mistyped year in a form or in the
address gets a message naming the field, never a 500 (``?date_from=9999-12-31`` used to
raise OverflowError on the deadline worklist)."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django_scopes import scope

import kim
from kim.core.forms.dates import BoundedDateField, BoundedDateTimeField
from kim.people.models import Household, HouseholdMember
from tests.housing.conftest import make_housing
from tests.housing.factories import PersonFactory

# Date fields with bounds of their own.
OWN_BOUNDS = {
    ("kim.core.reports.forms", "ReportParamsForm", "as_of"): "reports: 1990–2100 (clean_as_of)",
    ("kim.core.reports.forms", "ReportParamsForm", "period_start"): "reports cover 1990–2100",
    ("kim.quota.forms", "StatisticsImportForm", "month"): "1990 up to this month (clean_month)",
}
OUT_OF_RANGE = "Geben Sie ein Datum zwischen 01.01.1900 und 31.12.2199 ein."
BAD_VALUES = ["9999-12-31", "0001-01-01", "2024-02-30", "morgen"]


def kim_form_classes():
    for info in pkgutil.walk_packages(kim.__path__, "kim."):
        if ".migrations" in info.name or info.name in ("kim.__main__", "kim.manage") or \
                info.name.startswith(("kim.settings", "kim.wsgi")):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, forms.BaseForm)
                    and value.__module__ == info.name):
                yield info.name, name, value


def test_every_date_field_of_every_form_is_bounded():
    found, unbounded = 0, []
    for module, name, form in kim_form_classes():
        for field_name, field in form.base_fields.items():
            if not isinstance(field, forms.DateField | forms.DateTimeField):
                continue
            found += 1
            if not isinstance(field, BoundedDateField | BoundedDateTimeField) and \
                    (module, name, field_name) not in OWN_BOUNDS:
                unbounded.append(f"{module}.{name}.{field_name}")
    assert unbounded == []
    assert found >= 30  # the walk really finds the forms


@pytest.fixture
def town(soest):
    home = make_housing(soest)
    with scope(municipality=soest):
        household = Household.objects.create(municipality=soest, reference="H1", name="H1")
        HouseholdMember.objects.create(municipality=soest, household=household,
                                       person=home["resident"], role="head",
                                       valid_from=home["resident"].assignment_date)
    return {**home, "household": household}


def bound_form_with(response, field):
    """The bound form of the page that has ``field``."""
    for context in response.context:
        for value in context.flatten().values():
            if isinstance(value, forms.BaseForm) and value.is_bound and field in value.fields:
                return value
    raise AssertionError(f"no bound form with {field}")


@pytest.mark.parametrize("value", BAD_VALUES)
def test_filter_forms_in_the_address_refuse_bad_dates(personas, town, value):
    pages = [("caseworker", "/soest/persons/deadlines/", "date_from"),
             ("caseworker", "/soest/persons/deadlines/", "date_to"),
             ("admin", "/soest/admin/audit/", "date_from"),
             ("housing", "/soest/housing/waiting/placements/", "placed_from"),
             ("housing", "/soest/housing/placement/arrival/", "assigned_from")]
    for role, url, param in pages:
        response = personas[role].client().get(url, {param: value})
        assert response.status_code == 200, (url, param)
        form = bound_form_with(response, param)
        assert form.errors.get(param), (url, param)
        if value in ("9999-12-31", "0001-01-01"):
            assert form.errors[param] == [OUT_OF_RANGE], (url, param)


@pytest.mark.parametrize("value", BAD_VALUES)
def test_dates_read_from_the_address_fall_back_with_a_message(personas, town, value):
    pages = [f"/soest/housing/facilities/{town['phase1'].pk}/",
             f"/soest/housing/placement/households/{town['household'].pk}/"]
    for url in pages:
        response = personas["housing"].client().get(url, {"on": value})
        assert response.status_code == 200, url
        page = " ".join(response.content.decode().split())
        assert f"Das Datum „{value}“ in der Adresse ist kein Datum zwischen 01.01.1900 und " \
               "31.12.2199" in page, url


@pytest.mark.parametrize("value", ["9999-12", "0001-01", "2024-13"])
def test_the_quota_month_in_the_address(personas, town, value):
    response = personas["housing"].client().get("/soest/quota/", {"month": value})
    assert response.status_code == 200
    assert f"Der Monat „{value}“ in der Adresse ist ungültig" in response.content.decode()


def test_a_move_in_dated_9999_is_a_form_error(personas, town):
    with scope(municipality=town["phase1"].municipality):
        newcomer = PersonFactory(municipality=town["phase1"].municipality)
    response = personas["housing"].client().post(
        f"/soest/housing/places/{town['places'][1].pk}/move-in/",
        {"q": newcomer.family_name, "person": newcomer.pk, "reason": "arrival",
         "start": "9999-12-31"})
    assert response.status_code == 200
    assert response.context["form"].errors["start"] == [OUT_OF_RANGE]


def test_an_appointment_in_the_year_1_is_a_form_error(personas, town):
    response = personas["caseworker"].client().post(
        f"/soest/casework/persons/{town['resident'].pk}/appointments/new/",
        {"kind": "counselling", "starts_at": "0001-01-01T10:00", "status": "planned"})
    assert response.status_code == 200
    assert response.context["form"].errors["starts_at"] == [OUT_OF_RANGE]
