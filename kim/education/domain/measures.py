"""Placing a person in a measure: the database refuses more placements than places; this
turns that refusal into a message on the form."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kim.education.models import MeasurePlacement


def place(placement: MeasurePlacement) -> MeasurePlacement:
    try:
        with transaction.atomic():
            placement.save()
    except IntegrityError as exc:
        if "education_measure_full" in str(exc):
            raise ValidationError({"measure": _(
                "Every place of this measure is taken in this period.")}) from exc
        raise
    return placement
