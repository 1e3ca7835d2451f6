from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.casework.forms import DATETIME_WIDGET
from kim.casework.models import Appointment
from kim.core.forms.dates import bounded_formfield


class AppointmentForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = Appointment
        fields = ["kind", "starts_at", "place", "participants", "status", "outcome",
                  "agreements"]
        widgets = {"starts_at": DATETIME_WIDGET,
                   "outcome": forms.Textarea(attrs={"rows": 3}),
                   "agreements": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, household: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if household is not None and self.instance.pk is None:
            self.fields["whole_household"] = forms.BooleanField(
                label=_("Appointment of the whole household"), required=False,
                help_text=_("Shown in the timeline of every member of %(household)s.")
                % {"household": household})

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts_at, status = data.get("starts_at"), data.get("status")
        if starts_at and status == Appointment.Status.HELD and starts_at > timezone.now():
            self.add_error("status", _("An appointment in the future cannot have been held."))
        return data
