"""Figures kim already computes that a measure may show next to it (issue 15: "show the
current figure next to the measure"). Modules declare them in their ``KimModule.figures``
(housing: accommodation; education: courses; volunteers: assignments; monitoring: the
latest value of each catalogue indicator). Each figure names who may see it exactly and
who only as a privacy-safe aggregate (1–2 shown as "<3"); everyone else sees nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.formats import number_format

from kim.core.modules.registry import modules
from kim.core.permissions.check import has_perm


def choices() -> list[tuple[str, str]]:
    """The figures a measure may link to, for the form (by label)."""
    return sorted(((f.key, str(f.label)) for f in modules.figures().values()),
                  key=lambda pair: pair[1])


@dataclass(frozen=True)
class Shown:
    label: str
    value: str


def _text(value: int | float | Decimal, count: bool) -> str:
    if count:
        return number_format(int(value), force_grouping=True)
    return number_format(Decimal(value).normalize(), force_grouping=True)


def shown(keys: set[str], user: Any, municipality: Any, day: datetime.date
          ) -> dict[str, Shown]:
    """The figures ``keys`` as ``user`` may see them on ``day`` (one computation each)."""
    known = modules.figures()
    result = {}
    for key in sorted(keys):
        figure = known.get(key)
        if figure is None:
            continue
        exact = has_perm(user, figure.detail, municipality)
        if not exact and not has_perm(user, figure.aggregate, municipality):
            continue
        value = figure.compute(municipality, day)
        if value is None:
            continue
        small = figure.count and not exact and 0 < value < 3
        text = "<3" if small else _text(value, figure.count)
        unit = f" {figure.unit}" if figure.unit else ""
        result[key] = Shown(str(figure.label), text + unit)
    return result
