"""Bounded dates: every date a form or a query string gives kim lies between FIRST_DAY and
LAST_DAY, so that no date arithmetic downstream overflows (9999-12-31 + 90 days) and a
mistyped year gets a message naming the field instead of a 500 (issue 10).

The span is the one the rules engine answers for. Person dates are checked more closely
by kim.people.models.plausibility; these bounds hold for every other date (filters, stays,
placements, appointments, audit searches).
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.db import models
from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

FIRST_DAY = datetime.date(1900, 1, 1)
LAST_DAY = datetime.date(2199, 12, 31)


def in_bounds(day: datetime.date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def _bounds() -> dict[str, str]:
    return {"first": date_format(FIRST_DAY, "SHORT_DATE_FORMAT"),
            "last": date_format(LAST_DAY, "SHORT_DATE_FORMAT")}


class BoundedDateField(forms.DateField):
    default_error_messages = {
        "out_of_range": gettext_lazy("Enter a date between %(first)s and %(last)s."),
    }

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and not in_bounds(value):
            raise forms.ValidationError(self.error_messages["out_of_range"],
                                        code="out_of_range", params=_bounds())


class BoundedDateTimeField(forms.DateTimeField):
    default_error_messages = BoundedDateField.default_error_messages

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and not in_bounds(value.date()):
            raise forms.ValidationError(self.error_messages["out_of_range"],
                                        code="out_of_range", params=_bounds())


def bounded_formfield(db_field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """``Meta.formfield_callback`` of a ModelForm: its date fields are bounded too."""
    if isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("form_class", BoundedDateTimeField)
    elif isinstance(db_field, models.DateField):
        kwargs.setdefault("form_class", BoundedDateField)
    return db_field.formfield(**kwargs)  # type: ignore[no-any-return]


def date_param(request: HttpRequest, name: str, default: datetime.date) -> datetime.date:
    """A ``YYYY-MM-DD`` date from the query string, or ``default`` when there is none. A
    malformed or out-of-range value also gives ``default``, and the page says so."""
    raw = request.GET.get(name, "")
    if not raw:
        return default
    try:
        day = datetime.date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        day = None
    if day is not None and in_bounds(day):
        return day
    messages.warning(request, _("The date “%(value)s” in the address is not a date between "
                                "%(first)s and %(last)s; the page shows %(default)s instead.")
                     % {"value": raw[:20], **_bounds(),
                        "default": date_format(default, "SHORT_DATE_FORMAT")})
    return default
