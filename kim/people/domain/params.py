"""The rules engine's parameters for one municipality: the statutory tables with the
municipality's own rows over them (legal-rules.md §3.8: "A municipality may set its own
list (Herne 2017 used SY, IQ, ER, ET, AF)").

Every decision kim stores or shows for a person is made with ``params_for`` of the
person's municipality, and ``version_for`` is the key stored with each legal time line
(``people.Timeline``): when it differs, the time line is stale.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from kim.core.models import Municipality
from kim.rules import DEFAULT_PARAMS, PARAMS_VERSION, Params, params_fingerprint
from kim.rules.countries import CITIZENSHIP_CODES
from kim.rules.tables import Row

# Bumped when the stored form of the time lines changes (kim.people.domain.timelines).
TIMELINE_FORMAT = 1


@dataclass(frozen=True)
class LocalList:
    """A municipality's own good-prospect list from ``valid_from`` to ``valid_to``
    (inclusive; None = open)."""

    valid_from: datetime.date | None
    valid_to: datetime.date | None
    countries: frozenset[str]


def local_good_prospect(municipality: Municipality) -> tuple[LocalList, ...]:
    """The municipality's own good-prospect lists, from the Django setting
    ``KIM_LOCAL_GOOD_PROSPECT`` (none when unset): a mapping from the municipality's short
    name to a list of ``{"valid_from": "YYYY-MM-DD" | None, "valid_to": "YYYY-MM-DD" |
    None, "countries": ["SY", ...]}``. This is the only place that reads it; the dated
    per-municipality policy settings of kim.core will answer here instead."""
    raw = getattr(settings, "KIM_LOCAL_GOOD_PROSPECT", {}).get(municipality.slug, ())
    result = []
    for index, item in enumerate(raw):
        where = f"KIM_LOCAL_GOOD_PROSPECT[{municipality.slug!r}][{index}]"
        try:
            countries = frozenset(item["countries"])
            first, last = (_day(item.get(key)) for key in ("valid_from", "valid_to"))
        except KeyError as exc:
            raise ImproperlyConfigured(f"{where}: {exc.args[0]!r} missing") from None
        except (TypeError, ValueError) as exc:
            raise ImproperlyConfigured(f"{where}: {exc} ({item!r})") from None
        unknown = sorted(countries - CITIZENSHIP_CODES)
        if unknown:
            raise ImproperlyConfigured(f"{where}: unknown country codes {unknown}")
        result.append(LocalList(first, last, countries))
    return tuple(result)


def _day(value: Any) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


_built: dict[tuple[str, str, tuple[LocalList, ...]], tuple[Params, str]] = {}


def _params_and_version(municipality: Municipality) -> tuple[Params, str]:
    local = local_good_prospect(municipality)
    key = (municipality.slug, municipality.name, local)
    found = _built.get(key)
    if found is None:
        params = DEFAULT_PARAMS
        if local:
            rows = [Row(f"local_good_prospect.{municipality.slug}@{item.valid_from or 'open'}",
                        item.valid_from, item.valid_to, item.countries,
                        f"local list of {municipality.name} (legal-rules.md §3.8)")
                    for item in local]
            try:
                table = params.local_good_prospect.overlaid(rows)
            except ValueError as exc:  # overlapping local rows
                raise ImproperlyConfigured(f"KIM_LOCAL_GOOD_PROSPECT: {exc}") from None
            params = replace(params, local_good_prospect=table)
        version = f"{PARAMS_VERSION}/{params_fingerprint(params)}/{TIMELINE_FORMAT}"
        found = _built[key] = (params, version)
    return found


def params_for(municipality: Municipality) -> Params:
    """The engine's parameters for decisions about the municipality's persons. The local
    rows are dated themselves, so one ``Params`` serves every date (a time line crosses
    the day a local list begins or ends)."""
    return _params_and_version(municipality)[0]


def version_for(municipality: Municipality) -> str:
    """The parameter version key stored with the municipality's time lines."""
    return _params_and_version(municipality)[1]
