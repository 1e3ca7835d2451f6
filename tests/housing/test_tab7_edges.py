"""`housing_placement` ([Soest] Tab. 7) on the edge days, with small hand-built cases
instead of the calibrated demo: the day before, of and after a recognition, the month-end
run-out of the AsylbLG, the placement, moved-away and assignment days, § 24 holders around
01.06.2022 and § 25 Abs. 5 18 months after the first Duldung."""

import datetime

import pytest

from kim.core.reports.registry import ReportParams
from kim.housing.models import Placement
from kim.housing.reports import housing_placement
from kim.people.models import Household, HouseholdMember
from tests.people.factories import person_with, tolerated_then_25_5, ukrainian

D = datetime.date


def cells(municipality, day):
    """{(regime, singles|families, category): (persons, households)} of the non-empty
    cells of the report on ``day``."""
    data = housing_placement(municipality, ReportParams(day))
    return {(row["regime_code"], row["members_code"], category):
            (row[category], row[f"{category}_households"])
            for row in data.rows
            for category in ("placed_rented", "placed_private", "placeable",
                             "not_yet_placeable", "not_placeable") if row[category]}


def person(municipality, *statuses, household=None, **fields):
    someone = person_with(municipality, *statuses, **fields)
    if household is not None:
        HouseholdMember.objects.create(municipality=municipality, household=household,
                                       person=someone, role="head",
                                       valid_from=someone.assignment_date)
    return someone


@pytest.mark.parametrize(("day", "expected"), [
    (D(2024, 4, 9), {("asylblg", "singles", "not_yet_placeable"): (1, 1)}),
    (D(2024, 4, 10), {("asylblg", "singles", "placeable"): (1, 1)}),  # recognised that day
    (D(2024, 4, 30), {("asylblg", "singles", "placeable"): (1, 1)}),  # AsylbLG to month end
    (D(2024, 5, 1), {("sgb", "singles", "placeable"): (1, 1)}),
])
def test_recognition_day_and_month_end(in_soest, day, expected):
    person(in_soest, ("gestattung", D(2022, 10, 5)), ("refugee", D(2024, 4, 10)),
           citizenships=["TR"])
    assert cells(in_soest, day) == expected


@pytest.mark.parametrize(("day", "expected"), [
    (D(2024, 5, 1), {("asylblg", "families", "placeable"): (2, 1)}),
    (D(2024, 5, 2), {("asylblg", "families", "placed_private"): (2, 1)}),  # placement day
    # recognised after the move: the row recorded at the placement stays
    (D(2024, 9, 1), {("asylblg", "families", "placed_private"): (2, 1)}),
])
def test_placement_day_and_the_regime_recorded_then(in_soest, day, expected):
    home = Household.objects.create(municipality=in_soest, reference="H1", name="Haddad")
    for _ in range(2):
        person(in_soest, ("gestattung", D(2022, 10, 5)), ("refugee", D(2024, 8, 1)),
               household=home)
    Placement.objects.create(municipality=in_soest, household=home, kind="private",
                             placed_on=D(2024, 5, 2), regime="asylblg")
    assert cells(in_soest, day) == expected


@pytest.mark.parametrize(("day", "expected"), [
    (D(2023, 1, 14), {}),  # assigned the next day
    (D(2023, 1, 15), {("asylblg", "singles", "placeable"): (1, 1)}),
    (D(2024, 6, 14), {("asylblg", "singles", "placeable"): (1, 1)}),
    (D(2024, 6, 15), {}),  # moved away that day
])
def test_assignment_and_moved_away_days(in_soest, day, expected):
    person(in_soest, ("gestattung", D(2022, 10, 5)), moved_away_date=D(2024, 6, 15))
    assert cells(in_soest, day) == expected


def test_a_family_is_in_the_sgb_row_once_one_member_is(in_soest):
    home = Household.objects.create(municipality=in_soest, reference="H2", name="Nasser")
    person(in_soest, ("gestattung", D(2022, 10, 5)), ("subsidiary", D(2024, 2, 20)),
           household=home)
    person(in_soest, ("gestattung", D(2022, 10, 5)), household=home, citizenships=["TR"])
    assert cells(in_soest, D(2024, 2, 29)) == {("asylblg", "families", "placeable"): (2, 1)}
    assert cells(in_soest, D(2024, 3, 1)) == {("sgb", "families", "placeable"): (2, 1)}


@pytest.mark.parametrize(("day", "expected"), [
    (D(2022, 5, 31), {("asylblg", "singles", "placeable"): (1, 1)}),
    (D(2022, 6, 1), {("sgb", "singles", "placeable"): (1, 1)}),  # § 24 in SGB II from then
])
def test_temporary_protection_around_1_june_2022(in_soest, day, expected):
    ukrainian(in_soest, D(2022, 3, 15))
    assert cells(in_soest, day) == expected


@pytest.mark.parametrize(("day", "expected"), [
    (D(2021, 12, 31), {("asylblg", "singles", "not_placeable"): (1, 1)}),  # Duldung
    (D(2022, 1, 1), {("asylblg", "singles", "placeable"): (1, 1)}),  # § 25 Abs. 5 permit
    (D(2022, 7, 31), {("asylblg", "singles", "placeable"): (1, 1)}),
    (D(2022, 8, 1), {("sgb", "singles", "placeable"): (1, 1)}),  # 18 months + month end
])
def test_humanitarian_25_5_after_18_months_of_duldung(in_soest, day, expected):
    tolerated_then_25_5(in_soest)
    assert cells(in_soest, day) == expected
