"""§ 12a residence-assignment key (NRW AWoV), a second versioned key."""

import datetime
from decimal import Decimal as D

import pytest

from kim.quota.domain.keys import percent_output
from kim.quota.domain.params import ParameterMissing
from kim.quota.domain.residence_key import Municipality, read, residence_keys
from kim.quota.domain.tables import InputError

IN_FORCE = datetime.date(2018, 1, 1)


def test_2016_version_weights_population_area_and_unemployed():
    ms = [Municipality("1", "A", 600, D(200), 100), Municipality("2", "B", 400, D(800), 300)]
    keys, version = residence_keys(ms, IN_FORCE)
    # A: .8 × .6 + .1 × .2 + .1 × .25 = .525; B: .8 × .4 + .1 × .8 + .1 × .75 = .475
    assert [k.share for k in keys] == [D("0.525"), D("0.475")]
    assert version == "awov.key@2016-12-01"


def test_reductions_of_10_percent_go_to_the_other_municipalities():
    ms = [Municipality("1", "A", 500, D(500), 50, rent_capped=True),
          Municipality("2", "B", 250, D(250), 25),
          Municipality("3", "C", 250, D(250), 25, high_eu_share=True)]
    keys, _ = residence_keys(ms, IN_FORCE)
    # base .5/.25/.25. Rent cap: A gives .05 to B and C (1:1) → .45/.275/.275.
    # High EU share: C gives .025 (10 % of its base) to A and B (.45 : .275).
    a = D("0.45") + D("0.025") * D("0.45") / D("0.725")
    b = D("0.275") + D("0.025") * D("0.275") / D("0.725")
    assert abs(keys[0].share - a) < D("1e-25") and abs(keys[1].share - b) < D("1e-25")
    assert keys[2].share == D("0.25")
    assert sum(percent_output([k.share for k in keys])) == 100


def test_both_reductions_take_10_percent_of_the_base_key_each():
    ms = [Municipality("1", "A", 500, D(500), 50, True, True),
          Municipality("2", "B", 500, D(500), 50)]
    keys, _ = residence_keys(ms, IN_FORCE)
    assert keys[0].share == D("0.4") and keys[1].share == D("0.6")


@pytest.mark.parametrize("day", [datetime.date(2016, 11, 30), datetime.date(2021, 4, 1),
                                 datetime.date(2025, 1, 1)])
def test_no_key_outside_a_configured_version(day):
    ms = [Municipality("1", "A", 1, D(1), 1)]
    with pytest.raises(ParameterMissing):
        residence_keys(ms, day)


def test_last_day_of_the_2016_version():
    keys, version = residence_keys([Municipality("1", "A", 1, D(1), 1)], datetime.date(2021, 3,
                                                                                       31))
    assert keys[0].share == 1 and version == "awov.key@2016-12-01"


def test_read_flags():
    data = (b"ags,name,population,area_km2,unemployed,rent_capped,high_eu_share\n"
            b"05315000,K\xc3\xb6ln,1000000,405,50000,ja,0\n")
    (row,) = read(data)
    assert (row.ags, row.rent_capped, row.high_eu_share) == ("05315000", True, False)


@pytest.mark.parametrize(("ms", "message"), [
    ([Municipality("1", "A", 600, D(200), 0), Municipality("2", "B", 400, D(800), 0)],
     "unemployed: The unemployed of all rows add up to 0"),
    ([Municipality("1", "A", 600, D(200), 5, rent_capped=True),
      Municipality("2", "B", 400, D(800), 5, rent_capped=True)],
     "rent_capped: Every municipality is marked: the reduction would go to nobody."),
])
def test_files_the_law_cannot_be_applied_to_are_errors(ms, message):
    with pytest.raises(InputError) as caught:
        residence_keys(ms, IN_FORCE)
    assert message in str(caught.value)
