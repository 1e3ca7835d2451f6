"""FlüAG § 3 allocation key: shares, the 1.25 cap, iterated redistribution, output rounding."""

import datetime
from decimal import Decimal as D

import pytest

from kim.quota.domain.keys import Municipality, flueag_keys, percent_output, read
from kim.quota.domain.tables import InputError

DAY = datetime.date(2018, 9, 30)


def m(ags, population, area):
    return Municipality(ags, f"Gemeinde {ags}", population, D(area))


def test_without_cap_the_key_is_90_population_plus_10_area():
    keys = flueag_keys([m("1", 600, 300), m("2", 400, 700)], DAY)
    # 0.9 × 0.6 + 0.1 × 0.3 = 0.57; 0.9 × 0.4 + 0.1 × 0.7 = 0.43 (≤ 1.25 × 0.4 = 0.5)
    assert [k.share for k in keys] == [D("0.57"), D("0.43")]
    assert not any(k.capped for k in keys)


def test_cap_and_redistribution_in_proportion_to_the_current_key():
    # population shares .8/.1/.1, area shares .1/.1/.8: raw .73/.10/.17; C's cap is .125.
    keys = flueag_keys([m("A", 80, 10), m("B", 10, 10), m("C", 10, 80)], DAY)
    assert keys[2].share == D("0.125") and keys[2].capped
    factor = D("0.875") / D("0.83")  # the excess .045 goes to A and B in proportion .73:.10
    assert abs(keys[0].share - D("0.73") * factor) < D("1e-25")
    assert abs(keys[1].share - D("0.10") * factor) < D("1e-25")
    assert percent_output([k.share for k in keys]) == [D("76.957831325"), D("10.542168675"),
                                                       D("12.500000000")]


def test_redistribution_repeats_until_no_cap_is_violated():
    # B (raw .1365) is below its cap .1375 until C's excess is redistributed: second round.
    ms = [m("A", 740, 10), m("B", 110, 375), m("C", 150, 615)]
    raw_b = D("0.9") * D("0.110") + D("0.1") * D("0.375")
    assert raw_b < D("1.25") * D("0.110")
    keys = flueag_keys(ms, DAY)
    assert [k.capped for k in keys] == [False, True, True]
    expected = [D("0.675"), D("0.1375"), D("0.1875")]
    assert all(abs(k.share - e) < D("1e-30") for k, e in zip(keys, expected, strict=True))


def test_invariants_on_a_larger_land():
    import random

    rng = random.Random(7)
    ms = [m(f"{i:08d}", rng.randint(2_000, 600_000), rng.randint(10, 900)) for i in range(400)]
    keys = flueag_keys(ms, DAY)
    population = sum(x.population for x in ms)
    total = sum(k.share for k in keys)
    assert abs(total - 1) < D("1e-25")
    raw_ratio = set()
    area = sum(x.area_km2 for x in ms)
    for x, k in zip(ms, keys, strict=True):
        cap = D("1.25") * x.population / population
        assert k.share <= cap + D("1e-25")
        if k.capped:
            assert abs(k.share - cap) < D("1e-25")
        else:  # uncapped keys keep their mutual proportions
            raw = D("0.9") * x.population / population + D("0.1") * x.area_km2 / area
            raw_ratio.add(round(k.share / raw, 25))
    assert any(k.capped for k in keys) and len(raw_ratio) == 1
    assert sum(percent_output([k.share for k in keys])) == 100


def test_percent_output_sums_to_exactly_100_with_largest_remainders():
    thirds = [D(1) / 3] * 3
    assert percent_output(thirds, 2) == [D("33.34"), D("33.33"), D("33.33")]
    assert percent_output([D("0.5"), D("0.5")]) == [D("50.000000000")] * 2


def test_read_accepts_bom_semicolons_decimal_comma_and_keeps_ags_text():
    data = "\ufeffags;name;population;area_km2\r\n05974040;Soest;47000;85,8\r\n".encode()
    (row,) = read(data)
    assert (row.ags, row.population, row.area_km2) == ("05974040", 47000, D("85.8"))


@pytest.mark.parametrize(("content", "where"), [
    ("ags,name,population\n1,A,5\n", "row 1, column area_km2: column is missing"),
    ("ags,name,population,area_km2\n1,A,0,5\n", "row 2, column population"),
    ("ags,name,population,area_km2\n1,A,5,x\n", "row 2, column area_km2"),
    ("ags,name,population,area_km2\n1,A,5,1\n1,B,5,1\n", "row 3, column ags: 1 appears twice"),
    ("ags,name,population,area_km2\n", "file: The file has no data rows."),
    ("", "file: The file is empty."),
])
def test_read_reports_row_and_column(content, where):
    with pytest.raises(InputError) as exc:
        read(content.encode())
    assert where in str(exc.value)


def test_windows_1252_from_german_excel_is_read():
    # Was refused ("not UTF-8") before the shared import framework; German Excel writes it.
    (row,) = read("ags;name;population;area_km2\n1;Lünen;5;1\n".encode("cp1252"))
    assert row.name == "Lünen"


def test_german_headers_and_number_notation():
    (row,) = read("AGS;Gemeinde;Einwohner;Fläche\n05974040;Soest;47.000;85,8\n".encode())
    assert (row.ags, row.name, row.population, row.area_km2) == ("05974040", "Soest", 47000,
                                                                  D("85.8"))


def test_the_weights_are_a_dated_parameter_row():
    from kim.quota.domain.params import FLUEAG_KEY, flueag_key_on

    for day in (datetime.date(1990, 1, 1), DAY, datetime.date(2099, 12, 31)):
        row = flueag_key_on(day)
        assert row.id == "fluag.key"
        assert (row.value.population, row.value.area, row.value.cap) == (
            D("0.9"), D("0.1"), D("1.25"))
    assert [r.id for r in FLUEAG_KEY] == ["fluag.key"]
