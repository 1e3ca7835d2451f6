"""Shared fixtures of the monitoring tests."""

import datetime
from decimal import Decimal

import pytest
from django_scopes import scope

from kim.core.models import Area
from kim.monitoring.models import Indicator, Observation

PERIOD = datetime.date(2018, 12, 31)


@pytest.fixture
def figures(soest):
    """pop.foreign for the town and three districts; West has 2 (a small count)."""
    with scope(municipality=soest):
        indicator = Indicator.objects.get(municipality=soest, code="pop.foreign")
        areas = {name: Area.objects.create(municipality=soest, name=name)
                 for name in ("Mitte", "Süd", "West")}
        for area, value in ((None, 47), (areas["Mitte"], 15), (areas["Süd"], 30),
                            (areas["West"], 2)):
            Observation.objects.create(municipality=soest, indicator=indicator,
                                       period=PERIOD, area=area, value=Decimal(value))
    return indicator
