"""Monitoring figures other modules may show (``KimModule.figures``): the latest value of
each catalogue indicator for the whole municipality, on or before the day."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from kim.core.modules import Figure
from kim.monitoring.catalogue import CATALOGUE

DETAIL, AGGREGATE = "monitoring.indicators:read", "reports.monitoring_aggregates:read"
COUNT_UNITS = ("persons", "count")


def latest(code: str) -> Any:
    def compute(municipality: Any, day: datetime.date) -> Decimal | None:
        from kim.monitoring.models import Observation

        return (Observation.objects.filter(municipality=municipality, indicator__code=code,
                                           area=None, period__lte=day)
                .order_by("-period").values_list("value", flat=True).first())
    return compute


FIGURES = [Figure(f"monitoring.{code}", name, DETAIL, AGGREGATE, latest(code),
                  count=unit in COUNT_UNITS, unit="%" if unit == "percent" else "")
           for code, _topic, name, unit, *_rest in CATALOGUE]
