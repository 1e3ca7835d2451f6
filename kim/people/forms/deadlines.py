from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.core.forms.dates import BoundedDateField

MINE = "me"


class WorklistForm(forms.Form):
    kinds = forms.MultipleChoiceField(label=_("Type"), required=False,
                                      widget=forms.CheckboxSelectMultiple)
    date_from = BoundedDateField(label=_("From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = BoundedDateField(label=_("To"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, kinds: dict[str, Any],
                 responsible_users: list[tuple[int, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kinds"].choices = list(kinds.items())  # type: ignore[attr-defined]
        if responsible_users is not None:  # only when case work tells who is responsible
            self.fields["responsible"] = forms.ChoiceField(
                label=_("Responsible"), required=False,
                choices=[("", _("All persons")), (MINE, _("My caseload")),
                         *((str(pk), name) for pk, name in responsible_users)])
            self.order_fields(["responsible"])

    def responsible_user_id(self, me: int) -> int | None:
        value = self.cleaned_data.get("responsible") or ""
        return me if value == MINE else (int(value) if value else None)

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("The end date lies before the start date."))
        return data
