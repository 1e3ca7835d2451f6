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

from django.core.exceptions import ImproperlyConfigured
from django_scopes import scopes_disabled

from kim.core.models import Municipality, SettingValue
from kim.rules import DEFAULT_PARAMS, PARAMS_VERSION, Params, params_fingerprint
from kim.rules.reasons import reason
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


LOCAL_GOOD_PROSPECT = "people.local_good_prospect"


def local_good_prospect(municipality: Municipality) -> tuple[LocalList, ...]:
    """The municipality's own good-prospect lists: the dated values of the policy setting
    ``people.local_good_prospect`` (declared in kim/people/module.py; validated country
    codes). Each value holds from its day until the next value; an empty list returns to
    the statutory list. One query."""
    with scopes_disabled():  # explicit municipality; callers may run outside a scope
        rows = list(SettingValue.objects.filter(municipality=municipality,
                                                key=LOCAL_GOOD_PROSPECT)
                    .order_by("valid_from").values_list("valid_from", "value"))
    result = []
    for index, (start, countries) in enumerate(rows):
        following = rows[index + 1][0] if index + 1 < len(rows) else None
        if countries:
            result.append(LocalList(start, following - datetime.timedelta(days=1)
                                    if following else None, frozenset(countries)))
    return tuple(result)


_built: dict[tuple[str, str, tuple[LocalList, ...]], tuple[Params, str]] = {}


def _plain(name: str) -> str:
    """The municipality's name inside a basis, without the characters that end a reason."""
    return " ".join(name.translate(str.maketrans(";()", "   ")).split())


def _params_and_version(municipality: Municipality) -> tuple[Params, str]:
    local = local_good_prospect(municipality)
    key = (municipality.slug, municipality.name, local)
    found = _built.get(key)
    if found is None:
        params = DEFAULT_PARAMS
        if local:
            rows = [Row(f"local_good_prospect.{municipality.slug}@{item.valid_from or 'open'}",
                        item.valid_from, item.valid_to, item.countries,
                        reason("local_list", name=_plain(municipality.name)))
                    for item in local]
            try:
                table = params.local_good_prospect.overlaid(rows)
            except ValueError as exc:  # overlapping local rows
                raise ImproperlyConfigured(f"{LOCAL_GOOD_PROSPECT}: {exc}") from None
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
