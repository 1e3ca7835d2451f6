from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.people.decision_labels import FIELD_LABELS
from kim.people.domain.deadlines import POLICY_PERMIT_EXPIRY, POLICY_UMA_18
from kim.rules.codes import UPCOMING_FIELDS

KIND_LABELS: dict[str, Any] = {**{f: FIELD_LABELS.get(f, f) for f in UPCOMING_FIELDS},
                               POLICY_PERMIT_EXPIRY: _("Residence document expires"),
                               POLICY_UMA_18: _("Unaccompanied minor turns 18")}


class WorklistForm(forms.Form):
    kinds = forms.MultipleChoiceField(label=_("Type"), required=False,
                                      widget=forms.CheckboxSelectMultiple)
    date_from = forms.DateField(label=_("From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kinds"].choices = list(KIND_LABELS.items())  # type: ignore[attr-defined]

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("The end date lies before the start date."))
        return data
