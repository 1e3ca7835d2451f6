"""benefit_recipients and housing_placement from the stored time lines give exactly the
live engine's figures (the reference), on a random town and on hand-built edge cases."""

import datetime
import io
import random

import pytest
from django.core.management import call_command

from kim.core.domain.settings import record
from kim.housing.domain import private_housing
from kim.housing.models import Placement
from kim.people.domain import benefits, timelines
from kim.people.domain.params import LOCAL_GOOD_PROSPECT
from kim.people.models import Household, HouseholdMember, LegalStatus
from tests.housing.factories import PersonFactory
from tests.housing.random_town import build

D = datetime.date


def _both(municipality, day):
    live = (benefits.counts_live(municipality, day), private_housing.counts_live(municipality, day))
    stored = (benefits.counts_from_timelines(municipality, day),
              private_housing.counts_from_timelines(municipality, day))
    return live, stored


@pytest.mark.parametrize("seed", [7, 2018])
def test_random_town_on_random_days(soest, in_soest, seed):
    build(soest, seed=seed)
    timelines.refresh_municipality(soest, D(2026, 1, 1))
    rng = random.Random(seed)  # noqa: S311
    days = [D(2014, 1, 1) + datetime.timedelta(days=rng.randint(0, 15 * 365)) for _ in range(40)]
    days += [D(2022, 5, 31), D(2022, 6, 1), D(2024, 2, 27), D(2029, 12, 31)]
    counted = 0
    for day in days:
        assert timelines.covers(soest, day)
        live, stored = _both(soest, day)
        assert stored == live, day
        counted += sum(live[0].values()) + sum(live[1][0].values())
    assert counted > 500  # the town is not empty on most days
    assert not timelines.covers(soest, D(2030, 1, 1))  # beyond the horizon: live


ADULT_AND_CHILD = (D(1990, 3, 1), D(2015, 5, 1))
ASSIGNED, ENTERED = D(2018, 1, 10), D(2017, 12, 1)


def _family(soest, statuses, *, born=ADULT_AND_CHILD, assigned=ASSIGNED, entry=ENTERED):
    household = Household.objects.create(municipality=soest, name="Familie")
    persons = []
    for birth in born:
        person = PersonFactory(municipality=soest, birth_date=birth, assignment_date=assigned,
                               entry_date=entry, citizenships=["AF"])
        for code, start in statuses:
            LegalStatus.objects.create(municipality=soest, person=person, code=code,
                                       valid_from=start)
        HouseholdMember.objects.create(municipality=soest, household=household, person=person,
                                       role="head", valid_from=assigned)
        persons.append(person)
    return household, persons


def test_edge_dates_of_a_recognised_family(soest, in_soest):
    """Recognised on 10.04.2018: AsylbLG until the month's end, SGB II from 01.05.; the
    Tab. 7 household row switches the same day."""
    household, persons = _family(soest, [("gestattung", D(2017, 12, 5)),
                                         ("refugee", D(2018, 4, 10))])
    timelines.refresh_persons(soest, [p.pk for p in persons], D(2026, 1, 1))
    for day, regime, category in ((D(2018, 1, 9), None, None),  # not assigned yet
                                  (D(2018, 1, 10), "asylblg_basic", "not_yet_placeable"),
                                  (D(2018, 4, 30), "asylblg_basic", "placeable"),
                                  (D(2018, 5, 1), None, "placeable")):
        live, stored = _both(soest, day)
        assert stored == live
        regimes = {r for (_group, r) in stored[0]}
        assert regimes == ({regime} if regime else set()), day
        cells = set(stored[1][1])
        expected = "sgb" if day >= D(2018, 5, 1) else "asylblg"
        assert cells == ({(expected, "families", category)} if category else set()), day
    Placement.objects.create(municipality=soest, household=household, kind="private",
                             placed_on=D(2018, 6, 1), regime="sgb")
    assert _both(soest, D(2018, 6, 1))[1][1][1] == {("sgb", "families", "placed_private"): 1}


def test_temporary_protection_leaves_asylblg_on_1_june_2022(soest, in_soest):
    _household, persons = _family(soest, [("temporary_protection", D(2022, 3, 20))],
                                  assigned=D(2022, 4, 1), entry=D(2022, 3, 15))
    timelines.refresh_persons(soest, [p.pk for p in persons], D(2026, 1, 1))
    assert benefits.counts_from_timelines(soest, D(2022, 5, 31)) == {("other", "asylblg_basic"): 2}
    assert benefits.counts_from_timelines(soest, D(2022, 6, 1)) == {}
    for day in (D(2022, 5, 31), D(2022, 6, 1)):
        live, stored = _both(soest, day)
        assert stored == live


def test_humanitarian_25_5_after_18_months_of_duldung(soest, in_soest):
    _household, persons = _family(soest, [("duldung", D(2018, 1, 15)),
                                          ("humanitarian_25_5", D(2019, 3, 1))])
    timelines.refresh_persons(soest, [p.pk for p in persons], D(2026, 1, 1))
    # In AsylbLG scope while the first Duldung is < 18 months ago (until 15.07.2019), then
    # to the end of that month; the group is "other" once the § 25 Abs. 5 permit is there.
    assert benefits.counts_from_timelines(soest, D(2019, 7, 31)) == {("other", "asylblg_analog"): 2}
    assert benefits.counts_from_timelines(soest, D(2019, 8, 1)) == {}
    for day in (D(2019, 2, 28), D(2019, 3, 1), D(2019, 7, 31), D(2019, 8, 1)):
        live, stored = _both(soest, day)
        assert stored == live


def test_the_reports_use_the_time_lines_only_while_they_are_current(soest, in_soest):
    _household, persons = _family(soest, [("gestattung", D(2017, 12, 5))])
    out = io.StringIO()
    call_command("refresh_timelines", "--municipality", "soest", stdout=out)
    assert out.getvalue() == "soest: 2 time lines recomputed\n"  # none were stored yet
    day = D(2018, 3, 1)
    assert timelines.covers(soest, day)
    # Afghanistan (statutory list only from 2022) on Soest's own list from 2018: other
    # parameters, so the time lines are stale and the reports ask the engine.
    record(soest, LOCAL_GOOD_PROSPECT, D(2018, 1, 1), "AF", "", None)
    assert not timelines.covers(soest, day)
    persons_, households = private_housing.counts(soest, day)  # live, with the local list
    assert households == {("asylblg", "families", "placeable"): 1}
    assert private_housing.counts_from_timelines(soest, day)[1] == {
        ("asylblg", "families", "not_yet_placeable"): 1}  # the stale rows
    out = io.StringIO()
    call_command("refresh_timelines", stdout=out)
    assert out.getvalue() == "soest: 2 time lines recomputed\n"
    assert timelines.covers(soest, day)
    assert private_housing.counts_from_timelines(soest, day) == (persons_, households)
