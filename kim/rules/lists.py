"""Dated country lists (legal-rules.md §3.8, §3.9): good prospect to stay, safe countries
of origin. Part of the parameter tables of :mod:`kim.rules.params`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from .reasons import reason
from .tables import Row, Table

D = date

_EU_1993 = ("BE", "DE", "DK", "ES", "FR", "GR", "IE", "IT", "LU", "NL", "PT")
_EU_1995 = ("AT", "FI", "SE")
_EU_2004 = ("CY", "CZ", "EE", "HU", "LT", "LV", "MT", "PL", "SI", "SK")
_EU_2007 = ("BG", "RO")
_EU = f"§ 29a Abs. 2 AsylG ({reason('eu_member')})"
_ANLAGE_II = "Anlage II zu § 29a AsylG"
_CUTOFF_2015 = D(2015, 8, 31)  # applications after this date: § 61 Abs. 2 S. 4 AsylG


def _safe(code: str, since: date, cutoff: date, basis: str, until: date | None = None) -> Row[date]:
    return Row(f"safe_origin.{code}@{since.isoformat()}", since, until, cutoff, basis)


def _safe_rows() -> dict[str, Table[date]]:
    rows: list[Row[date]] = []
    for code in ("GH", "SN"):
        rows.append(_safe(code, D(1993, 7, 1), _CUTOFF_2015, _ANLAGE_II))
    for code in ("BA", "MK", "RS"):
        rows.append(_safe(code, D(2014, 11, 6), _CUTOFF_2015, _ANLAGE_II))
    for code in ("AL", "XK", "ME"):
        rows.append(_safe(code, D(2015, 10, 24), _CUTOFF_2015, _ANLAGE_II))
    for code in ("GE", "MD"):  # § 87d AsylG: applications up to 30.08.2023 are exempt
        rows.append(_safe(code, D(2023, 12, 23), D(2023, 8, 30), f"{_ANLAGE_II}; § 87d AsylG"))
    for codes, since in (
        (_EU_1993, D(1993, 7, 1)),
        (_EU_1995, D(1995, 1, 1)),
        (_EU_2004, D(2004, 5, 1)),
        (_EU_2007, D(2007, 1, 1)),
        (("HR",), D(2013, 7, 1)),
    ):
        rows.extend(_safe(code, since, _CUTOFF_2015, _EU) for code in codes)
    rows.append(_safe("GB", D(1993, 7, 1), _CUTOFF_2015, _EU, until=D(2020, 1, 31)))
    by_country: dict[str, list[Row[date]]] = {}
    for row in rows:
        by_country.setdefault(row.id.split(".")[1].split("@")[0], []).append(row)
    return {code: Table(f"safe_origin.{code}", r) for code, r in by_country.items()}


SAFE_ORIGIN: Mapping[str, Table[date]] = MappingProxyType(_safe_rows())


_GOOD_PROSPECT = reason("bamf_good_prospect")
GOOD_PROSPECT: Table[frozenset[str]] = Table(
    "good_prospect",
    [
        Row(
            "good_prospect@2015-10-24",
            D(2015, 10, 24),
            D(2016, 7, 31),
            frozenset({"SY", "IQ", "IR", "ER"}),
            _GOOD_PROSPECT,
        ),
        Row(
            "good_prospect@2016-08-01",
            D(2016, 8, 1),
            D(2019, 7, 31),
            frozenset({"SY", "IQ", "IR", "ER", "SO"}),
            _GOOD_PROSPECT,
            unconfirmed=True,
        ),
        Row(
            "good_prospect@2019-08-01",
            D(2019, 8, 1),
            D(2021, 2, 28),
            frozenset({"SY", "ER"}),
            _GOOD_PROSPECT,
            unconfirmed=True,
        ),
        Row(
            "good_prospect@2021-03-01",
            D(2021, 3, 1),
            D(2022, 1, 16),
            frozenset({"SY", "ER", "SO"}),
            _GOOD_PROSPECT,
        ),
        Row(
            "good_prospect@2022-01-17",
            D(2022, 1, 17),
            None,
            frozenset({"SY", "ER", "SO", "AF"}),
            _GOOD_PROSPECT,
        ),
    ],
)
