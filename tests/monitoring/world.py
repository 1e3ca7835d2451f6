"""Monitoring's part of the conformance world: every call adds a district, a school and an
indicator with observations for the town, the district and the school, and one import."""

import datetime
from decimal import Decimal

from kim.core.models import Area, Organisation
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
        school = Organisation.objects.create(municipality=municipality,
                                             name=f"Schule W{number}", kinds=["school"])
        for place, value in (({}, 10), ({"area": area}, 10), ({"institution": school}, 4)):
            Observation.objects.create(municipality=municipality, indicator=indicator,
                                       period=datetime.date(2018, 12, 31),
                                       value=Decimal(value), source_import=record, **place)
