"""Model fields shared by the modules."""

from __future__ import annotations

from typing import Any

from django.db import models

from kim.core.text import clean_text


class CleanTextField(models.CharField):
    """A CharField whose value is cleaned (kim/core/text.py: NFC, no bidi controls or
    stray zero-width characters) wherever it enters: form and model validation
    (``to_python``), ``save``/``bulk_create`` (``pre_save``) and updates and lookups
    (``get_prep_value``). For names: a reversed or invisible-padded name must not reach a
    PDF or slip past duplicate detection.

    It stores exactly like a CharField and deconstructs as one, so swapping it in needs
    no migration.
    """

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return clean_text(value) if isinstance(value, str) else value

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        if isinstance(value, str):
            value = clean_text(value)
            setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return clean_text(value) if isinstance(value, str) else value

    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs
