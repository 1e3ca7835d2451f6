"""Quota fixtures: Land statistics files whose total reproduces [Soest] Tab. 1."""

from __future__ import annotations

import datetime

import pytest
from django_scopes import scope

from kim.quota.domain.statistics import import_statistics

SOEST_AGS = "05974040"
HEADER = "ags,name,key_percent,stock,facility_regular_places,facility_reserve_places"
SEPT_2018 = datetime.date(2018, 9, 1)


def land_csv(rows: list[tuple]) -> bytes:
    return ("\n".join([HEADER, *(",".join(str(c) for c in r) for r in rows)]) + "\n").encode()


def soest_land(soest_stock: int = 172) -> bytes:
    """Soest (key 0.267870503 %, stock 172) plus three fictitious municipalities. The keys
    add up to 100 %. With the 2018 crediting rates (regular places 50 %, reserve 10 %)
    Musterstadt credits 32 000 + 400 + 20, so the Land total is 81 155 and Soest's
    obligation 0.00267870503 × 81 155 = 217.39 as in [Soest] Tab. 1."""
    return land_csv([
        (SOEST_AGS, "Soest", "0.267870503", soest_stock, 0, 0),
        ("05111000", "Musterstadt", "40.000000000", 32000, 800, 200),
        ("05334002", "Beispielhausen", "30.000000000", 24000, 0, 0),
        ("05558012", "Probedorf", "29.732129497", 24563, 0, 0),
    ])


@pytest.fixture
def sept_2018(soest):
    """The September 2018 statistics imported for Soest."""
    with scope(municipality=soest):
        return import_statistics(soest, soest_land(), SEPT_2018,
                                 filename="vs_18_09.csv").statistics
