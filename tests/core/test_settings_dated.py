"""Dated municipal policy settings: declared by modules, answered as of a day, validated,
never rewritten; used by the housing module's three-phase policy."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope

from kim.core.domain.settings import history, record, setting
from kim.core.models import SettingValue
from kim.housing.domain.policy import PHASE1_MONTHS, phase1_months


def test_the_default_applies_until_a_value_is_recorded(in_soest):
    assert setting(in_soest, PHASE1_MONTHS, dt.date(2018, 1, 1)) == 6
    record(in_soest, PHASE1_MONTHS, dt.date(2020, 1, 1), "4", "Ratsbeschluss 12/2019", None)
    record(in_soest, PHASE1_MONTHS, dt.date(2023, 7, 1), "5", "", None)
    assert phase1_months(in_soest, dt.date(2019, 12, 31)) == 6
    assert phase1_months(in_soest, dt.date(2020, 1, 1)) == 4
    assert phase1_months(in_soest, dt.date(2023, 6, 30)) == 4
    assert phase1_months(in_soest, dt.date(2024, 1, 1)) == 5
    assert [v.value for v in history(in_soest, PHASE1_MONTHS)] == [5, 4]


def test_values_are_validated_and_one_per_day(in_soest):
    for text, field in (("drei", "value"), ("0", "value"), ("37", "value")):
        with pytest.raises(ValidationError) as err:
            record(in_soest, PHASE1_MONTHS, dt.date(2020, 1, 1), text, "", None)
        assert field in err.value.message_dict
    record(in_soest, PHASE1_MONTHS, dt.date(2020, 1, 1), "4", "", None)
    with pytest.raises(ValidationError) as err:
        record(in_soest, PHASE1_MONTHS, dt.date(2020, 1, 1), "5", "", None)
    assert "valid_from" in err.value.message_dict
    assert SettingValue.objects.count() == 1


def test_unknown_setting_raises(in_soest):
    with pytest.raises(LookupError):
        setting(in_soest, "housing.nothing", dt.date(2020, 1, 1))


def test_settings_of_one_municipality_do_not_apply_to_another(soest, herne):
    with scope(municipality=soest):
        record(soest, PHASE1_MONTHS, dt.date(2020, 1, 1), "3", "", None)
    with scope(municipality=herne):
        assert phase1_months(herne, dt.date(2021, 1, 1)) == 6


def test_housing_officer_changes_the_policy_from_a_date_on(personas, soest):
    client = personas["housing"].client()
    page = client.get("/soest/admin/settings/").content.decode()
    assert "Längster regulärer Aufenthalt in Phase I (Monate)" in page
    url = "/soest/admin/settings/housing.phase1_max_months/"
    response = client.post(url, {"valid_from": "2026-01-01", "value": "sieben", "note": ""})
    assert "value" in response.context["form"].errors
    response = client.post(url, {"valid_from": "2026-01-01", "value": "7",
                                 "note": "Beschluss des Rates"})
    assert response.status_code == 302
    with scope(municipality=soest):
        assert phase1_months(soest, dt.date(2026, 1, 2)) == 7
    assert personas["caseworker"].client().get(url).status_code == 403
    assert client.get("/soest/admin/settings/housing.nothing/").status_code == 404


def test_the_phase_one_deadline_follows_the_policy_in_force(personas, soest):
    """Housing's deadline source: the Phase I period ends after the months in force."""
    from django.utils import timezone

    from kim.housing.domain.sources import PHASE1_END, deadlines
    from tests.housing.factories import FacilityFactory, PlaceFactory, StayFactory

    today = timezone.localdate()
    with scope(municipality=soest):
        place = PlaceFactory(unit__facility=FacilityFactory(municipality=soest))
        stay = StayFactory(place=place, start=today - dt.timedelta(days=30))
        before = {d.kind: d.date for d in deadlines(soest, [stay.person_id], today)}
        record(soest, PHASE1_MONTHS, today - dt.timedelta(days=1), "3", "", None)
        after = {d.kind: d.date for d in deadlines(soest, [stay.person_id], today)}
    from kim.rules.dates import add_months

    assert before[PHASE1_END] == add_months(stay.start, 6)
    assert after[PHASE1_END] == add_months(stay.start, 3)
