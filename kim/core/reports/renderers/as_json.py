"""JSON in the shape of product.md §7.

``{"report", "municipality", "as_of", "rows", "totals", "suppressed"}``; rows and totals
are keyed by the stable column keys (never by translated labels). Hidden cells carry
their marker string ("<3" or "x") instead of a number.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from kim.core.reports.service import ReportResult


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)  # lazy translations and the like


def as_dict(result: ReportResult) -> dict[str, Any]:
    return {
        "report": result.report.name,
        "municipality": result.municipality_slug,
        "as_of": result.as_of.isoformat(),
        "rows": [{k: _value(v) for k, v in row.items()} for row in result.rows],
        "totals": {k: _value(v) for k, v in result.totals.items()},
        "suppressed": result.suppressed,
    }


def render(result: ReportResult) -> bytes:
    return (json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
