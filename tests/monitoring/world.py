"""Monitoring's part of the conformance world: every call adds a district and an
indicator with observations for the town and the district, and one import."""

import datetime
from decimal import Decimal

from kim.core.models import Area
from kim.monitoring.models import Indicator, Observation, ObservationImport


def build(municipality, users, n):
    for i in range(n):
        number = Indicator.objects.filter(municipality=municipality).count()
        area = Area.objects.create(municipality=municipality, name=f"Bezirk W{number}",
                                   level=Area.Level.DISTRICT)
        indicator = Indicator.objects.create(municipality=municipality,
                                             code=f"world.{number}", name=f"Welt {i}",
                                             topic="population")
        record = ObservationImport.objects.create(municipality=municipality,
                                                  filename=f"welt{i}.csv", rows=2)
        for place, value in ((None, 10), (area, 10)):
            Observation.objects.create(municipality=municipality, indicator=indicator,
                                       period=datetime.date(2018, 12, 31), area=place,
                                       value=Decimal(value), source_import=record)
