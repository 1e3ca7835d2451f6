"""Reading and recording dated municipal settings (``KimModule.settings``).

``setting(municipality, key, day)`` is the value in force on ``day``: the last recorded
value with ``valid_from <= day``, else the declaration's default. Values are validated by
the declaration's kind and bounds before they are stored; nothing else writes them.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kim.core.models import Municipality, SettingValue
from kim.core.modules import PolicySetting
from kim.core.modules.registry import modules
from kim.rules.countries import CITIZENSHIP_CODES


def declaration(key: str) -> PolicySetting:
    try:
        return modules.settings()[key]
    except KeyError:
        raise LookupError(f"Unknown setting {key!r}") from None


def setting(municipality: Municipality, key: str, day: datetime.date) -> Any:
    """The value of ``key`` in force on ``day`` (one indexed query)."""
    declared = declaration(key)
    row = (SettingValue.objects.filter(municipality=municipality, key=key, valid_from__lte=day)
           .order_by("-valid_from").values_list("value", flat=True).first())
    return declared.default if row is None else row


def settings_on(municipality: Municipality | int, keys: Sequence[str],
                day: datetime.date) -> dict[str, Any]:
    """The values of several settings in force on ``day`` (one query)."""
    declared = {key: declaration(key) for key in keys}
    values = {key: d.default for key, d in declared.items()}
    rows = (SettingValue.objects.filter(municipality=municipality, key__in=list(keys),
                                        valid_from__lte=day)
            .order_by("key", "valid_from").values_list("key", "value"))
    for key, value in rows:  # the latest valid_from per key comes last
        values[key] = value
    return values


def history(municipality: Municipality, key: str) -> list[SettingValue]:
    declaration(key)
    return list(SettingValue.objects.filter(municipality=municipality, key=key)
                .select_related("created_by").order_by("-valid_from"))


def parse(declared: PolicySetting, text: str) -> Any:
    """The typed value of ``text`` for ``declared``, or a ValidationError on ``value``."""
    text = text.strip()
    try:
        if declared.kind == "int":
            value: Any = int(text)
        elif declared.kind == "decimal":
            value = str(Decimal(text.replace(",", ".")))
        elif declared.kind == "bool":
            if text.lower() not in ("true", "false", "ja", "nein", "1", "0"):
                raise ValueError(text)
            value = text.lower() in ("true", "ja", "1")
        elif declared.kind == "countries":
            codes = [c.strip().upper() for c in text.replace(";", ",").split(",") if c.strip()]
            unknown = [c for c in codes if c not in CITIZENSHIP_CODES]
            if unknown:
                raise ValidationError({"value": _("Unknown country codes: %(codes)s")
                                       % {"codes": ", ".join(unknown)}})
            value = sorted(set(codes))
        elif declared.kind == "json":
            value = _json_value(declared, text)
        else:
            value = text
    except (ValueError, InvalidOperation):
        raise ValidationError({"value": _("This is not a valid value for this setting.")}) \
            from None
    if declared.kind in ("int", "decimal"):
        number = Decimal(str(value))
        if declared.minimum is not None and number < declared.minimum:
            raise ValidationError({"value": _("The smallest allowed value is %(n)s.")
                                   % {"n": declared.minimum}})
        if declared.maximum is not None and number > declared.maximum:
            raise ValidationError({"value": _("The largest allowed value is %(n)s.")
                                   % {"n": declared.maximum}})
    return value


def _json_value(declared: PolicySetting, text: str) -> Any:
    """A JSON value; with ``choices`` a list of those codes, in the declared order (also
    accepted as ``code, code``; an empty text is the empty list)."""
    if declared.choices is None:
        return json.loads(text)  # ValueError (JSONDecodeError) on bad input
    if text.startswith("["):
        raw = json.loads(text)
        if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
            raise ValueError(text)
        codes = [c.strip() for c in raw]
    else:  # "–" is how an empty list is shown
        codes = [c.strip() for c in text.replace(";", ",").split(",")
                 if c.strip() not in ("", "–", "-")]
    unknown = [c for c in codes if c not in declared.choices]
    if unknown:
        raise ValidationError({"value": _("Unknown codes: %(codes)s. Allowed: %(allowed)s")
                               % {"codes": ", ".join(unknown),
                                  "allowed": ", ".join(declared.choices)}})
    return [c for c in declared.choices if c in codes]


@transaction.atomic
def record(municipality: Municipality, key: str, valid_from: datetime.date, text: str,
           note: str, user: Any) -> SettingValue:
    """Store a new value of ``key`` from ``valid_from`` on (validated, audited)."""
    value = parse(declaration(key), text)
    row = SettingValue(municipality=municipality, key=key, valid_from=valid_from, value=value,
                       note=note, created_by=user)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        raise ValidationError({"valid_from": _("A value from this day on is already "
                                               "recorded; choose another day.")}) from None
    return row
