"""`benefit_recipients` on the edge days ([Soest] 4.2; legal-rules.md §3.1), with small
hand-built cases instead of the calibrated demo: the day before, of and after a status
change, the month-end run-out of the AsylbLG, the moved-away and the assignment day, § 24
holders around 01.06.2022 and § 25 Abs. 5 18 months after the first Duldung."""

import datetime

import pytest

from kim.core.reports.registry import ReportParams
from kim.people.reports import benefit_recipients
from tests.people.factories import person_with as person
from tests.people.factories import tolerated_then_25_5, ukrainian

D = datetime.date


def recipients(municipality, day):
    """{(status group, regime): persons} of the report's non-empty cells."""
    data = benefit_recipients(municipality, ReportParams(day))
    cells = {(row["status_code"], regime): row[regime] for row in data.rows
             for regime in ("asylblg_basic", "asylblg_analog") if row[regime]}
    assert data.totals["total"] == sum(cells.values())
    return cells


@pytest.mark.parametrize(("day", "expected"), [
    (D(2024, 4, 9), {("gestattung", "asylblg_basic"): 1}),  # the day before recognition
    (D(2024, 4, 10), {("other", "asylblg_basic"): 1}),  # recognised: AsylbLG to month end
    (D(2024, 4, 11), {("other", "asylblg_basic"): 1}),
    (D(2024, 4, 30), {("other", "asylblg_basic"): 1}),  # the last day of the month
    (D(2024, 5, 1), {}),  # SGB II from the first of the next month
])
def test_recognition_runs_out_at_the_end_of_the_month(in_soest, day, expected):
    person(in_soest, ("gestattung", D(2022, 10, 5)), ("refugee", D(2024, 4, 10)))
    assert recipients(in_soest, day) == expected


@pytest.mark.parametrize(("day", "expected"), [
    (D(2023, 6, 30), {("gestattung", "asylblg_basic"): 1}),
    (D(2023, 7, 1), {("duldung", "asylblg_basic"): 1}),  # counted under the new status
    (D(2024, 3, 31), {("duldung", "asylblg_basic"): 1}),  # 36 months since 27.02.2024
])
def test_rejection_moves_the_person_to_duldung_on_the_day(in_soest, day, expected):
    person(in_soest, ("gestattung", D(2022, 10, 5)), ("duldung", D(2023, 7, 1)))
    assert recipients(in_soest, day) == expected


@pytest.mark.parametrize(("day", "expected"), [
    (D(2017, 4, 9), {("gestattung", "asylblg_basic"): 1}),
    (D(2017, 4, 10), {("gestattung", "asylblg_analog"): 1}),  # entry + 15 months, day-exact
])
def test_analogue_benefits_start_on_the_day(in_soest, day, expected):
    person(in_soest, ("gestattung", D(2016, 1, 15)), citizenships=["AF"],
           entry_date=D(2016, 1, 10), asylum_application_date=D(2016, 1, 15),
           assignment_date=D(2016, 3, 1))
    assert recipients(in_soest, day) == expected


@pytest.mark.parametrize(("day", "count"), [
    (D(2023, 1, 14), 0),  # not yet assigned to the municipality
    (D(2023, 1, 15), 1),  # the assignment day counts
    (D(2024, 2, 14), 1),
    (D(2024, 2, 15), 0),  # moved away on that day
])
def test_assignment_and_moved_away_days(in_soest, day, count):
    person(in_soest, ("gestattung", D(2022, 10, 5)), moved_away_date=D(2024, 2, 15))
    assert sum(recipients(in_soest, day).values()) == count


@pytest.mark.parametrize(("day", "expected"), [
    (D(2022, 5, 31), {("other", "asylblg_basic"): 1}),
    (D(2022, 6, 1), {}),  # § 24 holders receive SGB II from 01.06.2022 (§ 1 Abs. 3a AsylbLG)
])
def test_temporary_protection_leaves_the_asylblg_on_1_june_2022(in_soest, day, expected):
    ukrainian(in_soest, D(2022, 3, 15))
    assert recipients(in_soest, day) == expected


def test_temporary_protection_granted_after_1_june_2022_is_never_asylblg(in_soest):
    ukrainian(in_soest, D(2022, 9, 1))
    for day in (D(2022, 9, 15), D(2022, 9, 30), D(2023, 6, 1)):
        assert recipients(in_soest, day) == {}, day


@pytest.mark.parametrize(("day", "expected"), [
    (D(2021, 12, 31), {("duldung", "asylblg_analog"): 1}),
    (D(2022, 1, 1), {("other", "asylblg_analog"): 1}),  # § 25 Abs. 5: still § 1 AsylbLG
    (D(2022, 7, 9), {("other", "asylblg_analog"): 1}),
    (D(2022, 7, 10), {("other", "asylblg_analog"): 1}),  # 18 months after the first Duldung
    (D(2022, 7, 31), {("other", "asylblg_analog"): 1}),  # … then to the end of the month
    (D(2022, 8, 1), {}),
])
def test_humanitarian_25_5_leaves_18_months_after_the_first_duldung(in_soest, day, expected):
    tolerated_then_25_5(in_soest)
    assert recipients(in_soest, day) == expected
