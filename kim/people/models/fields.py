"""Validators and choices shared by the people models."""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

_ISO2 = re.compile(r"^[A-Z]{2}$")


class Sex(models.TextChoices):
    FEMALE = "f", _("female")
    MALE = "m", _("male")
    DIVERSE = "x", _("diverse")
    UNKNOWN = "u", _("unknown")


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month only")
    YEAR = "year", _("year only")


def partial_date_text(day: datetime.date, precision: str) -> str:
    """The known part of a date: YYYY, YYYY-MM or YYYY-MM-DD (the rules' facts format)."""
    if precision == DatePrecision.YEAR:
        return f"{day.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def validate_citizenships(value: object) -> None:
    """A list of ISO 3166-1 alpha-2 codes; ``XX`` means stateless or unknown."""
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Give at least one citizenship (XX for stateless/unknown)."))
    for code in value:
        if not isinstance(code, str) or not _ISO2.match(code):
            raise ValidationError(
                _("%(code)s is not an ISO 3166-1 alpha-2 country code."), params={"code": code}
            )
    if len(set(value)) != len(value):
        raise ValidationError(_("A citizenship is listed twice."))


class Activity(models.TextChoices):
    """What an employable person does ([Soest] Tab. 6; import column ``activity``)."""

    VOCATIONAL_COLLEGE = "vocational_college", _("vocational college")
    LANGUAGE_COURSE = "language_course", _("language course")
    EMPLOYED = "employed", _("employed")
    TRAINING = "training", _("vocational training")
    NONE = "none", _("no measure")
    WAITING_LIST = "waiting_list", _("waiting list")


class Childcare(models.TextChoices):
    """How a young child is looked after ([Soest] Tab. 4; import column ``childcare``)."""

    KITA = "kita", _("Kita")
    DAY_CARE = "day_care", _("child minder")
    HOME = "home", _("at home")
    WAITING = "waiting", _("waiting for a place")
