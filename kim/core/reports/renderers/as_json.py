"""JSON in the shape of product.md §7.

``{"report", "municipality", "as_of", "rows", "totals", "suppressed"}``; rows and totals
are keyed by the stable column keys (never by translated labels). Hidden cells carry
their marker string ("<3" or "x") instead of a number. When records had to be left out
because their stored values cannot be evaluated, ``data_problems`` says how many and –
for person-level audiences – which (``{"count", "records": [{"model", "id", "field",
"problem"}]}``).
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
    data = {
        "report": result.report.name,
        "municipality": result.municipality_slug,
        "as_of": result.as_of.isoformat(),
        "rows": [{k: _value(v) for k, v in row.items()} for row in result.rows],
        "totals": {k: _value(v) for k, v in result.totals.items()},
        "suppressed": result.suppressed,
    }
    if result.data_problems:  # records left out; which ones only for person-level audiences
        data["data_problems"] = {
            "count": len(result.data_problems),
            "records": [] if result.aggregate else [p.as_dict() for p in result.data_problems],
        }
    return data


def render(result: ReportResult) -> bytes:
    return (json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
