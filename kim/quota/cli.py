"""``kim quota keys|compute``: file in, table out (product.md §5.1, §5.3). No database.

Errors (a bad cell, a missing column, an unknown option value) raise :class:`QuotaCliError`
with one line naming row and column; nothing is printed as a result then.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from kim.core.io.tabular import csv_text, json_text
from kim.quota.domain import keys as keys_domain
from kim.quota.domain import obligation, residence_key
from kim.quota.domain.params import ParameterMissing
from kim.quota.domain.tables import InputError

FORMATS = ("json", "csv")
KEY_KINDS = ("flueag", "awov")
KEY_FIELDS = ("ags", "name", "key_percent")
COMPUTE_FIELDS = ("ags", "name", "credited", "obligation", "gap", "quota_percent", "rank")


class QuotaCliError(ValueError):
    pass


def parse_day(text: str | None, today: date) -> date:
    if text is None:
        return today
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise QuotaCliError(f"bad date {text!r}; expected YYYY-MM-DD")


def keys(data: bytes, fmt: str, kind: str = "flueag", as_of: date | None = None,
         filename: str = "data.csv") -> str:
    _check(fmt, FORMATS, "format")
    _check(kind, KEY_KINDS, "key")
    try:
        if kind == "flueag":
            result = keys_domain.flueag_keys(keys_domain.read(data, filename),
                                             as_of or date.today())
        else:
            result, _ref = residence_key.residence_keys(residence_key.read(data, filename),
                                                        as_of or date.today())
    except (InputError, ParameterMissing) as exc:
        raise QuotaCliError(str(exc)) from None
    percents = keys_domain.percent_output([k.share for k in result])
    rows = [{"ags": k.ags, "name": k.name, "key_percent": p}
            for k, p in zip(result, percents, strict=True)]
    return render(rows, KEY_FIELDS, fmt)


def compute(data: bytes, fmt: str, as_of: date, filename: str = "data.csv") -> str:
    _check(fmt, FORMATS, "format")
    try:
        table = obligation.compute(obligation.read(data, filename), as_of)
    except (InputError, ParameterMissing) as exc:
        raise QuotaCliError(str(exc)) from None
    rows = [{"ags": r.ags, "name": r.name, "credited": r.credited, "obligation": r.obligation,
             "gap": r.gap, "quota_percent": r.quota_percent, "rank": r.rank}
            for r in table.rows]
    return render(rows, COMPUTE_FIELDS, fmt)


def render(rows: list[dict[str, Any]], fields: Sequence[str], fmt: str) -> str:
    """JSON, or CSV through the formula-safe tabular writer (a name ``=cmd`` is escaped)."""
    if fmt == "json":
        return json_text(rows, fields)
    return csv_text(fields, ([row[k] for k in fields] for row in rows))


def _check(value: str, allowed: Sequence[str], what: str) -> None:
    if value not in allowed:
        raise QuotaCliError(f"unknown {what} {value!r}; choose one of {', '.join(allowed)}")
