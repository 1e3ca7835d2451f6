from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.casework.domain.caseload import assignable_users
from kim.casework.forms import DATE_WIDGET
from kim.core.forms.dates import BoundedDateField
from kim.core.models import Municipality
from kim.people.models import Household


class AssignForm(forms.Form):
    caseworker = forms.ModelChoiceField(label=_("Responsible caseworker"), queryset=None)
    since = BoundedDateField(label=_("Responsible since"), widget=DATE_WIDGET,
                            initial=timezone.localdate)

    def __init__(self, *args: Any, municipality: Municipality, household: Household,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.household = household
        self.fields["caseworker"].queryset = assignable_users(municipality)

    def clean_caseworker(self) -> Any:
        user = self.cleaned_data["caseworker"]
        if self.household.case_assignments.filter(caseworker=user, until=None).exists():
            raise forms.ValidationError(_("This caseworker is already responsible."))
        return user


class CaseloadFilterForm(forms.Form):
    """Filters of "My caseload": a name, and whether an appointment is planned soon."""

    q = forms.CharField(label=_("Household or member name"), required=False, max_length=100)
    appointment = forms.ChoiceField(label=_("Next appointment"), required=False, choices=[
        ("", _("all")), ("week", _("within 7 days")), ("none", _("none planned"))])
