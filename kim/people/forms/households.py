from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.core.forms.dates import BoundedDateField
from kim.core.pickers import PickerInput
from kim.people.models import Household, Person

DATE = forms.DateInput(attrs={"type": "date"})


class SplitForm(forms.Form):
    persons = forms.ModelMultipleChoiceField(label=_("Members who move out together"),
                                             queryset=Person.objects.none(),
                                             widget=forms.CheckboxSelectMultiple)
    name = forms.CharField(label=_("Name of the new household"), max_length=200)
    on = BoundedDateField(label=_("From"), widget=DATE)

    def __init__(self, *args: Any, household: Household, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["persons"].queryset = Person.objects.filter(  # type: ignore[attr-defined]
            household_memberships__household=household,
            household_memberships__valid_to=None)


class MergeForm(forms.Form):
    other = forms.ModelChoiceField(
        label=_("Household that joins this one"), queryset=Household.objects.none(),
        widget=PickerInput(),
        help_text=_("Type a name of the household or of a member and choose it – or enter "
                    "the household's number (shown on the household page)."),
        error_messages={"invalid_choice": _("There is no other current household with this "
                                            "number.")})
    on = BoundedDateField(label=_("From"), widget=DATE)

    def __init__(self, *args: Any, household: Household, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = (  # type: ignore[attr-defined]
            Household.objects.filter(dissolved_on=None).exclude(pk=household.pk)
            .order_by("name"))


class HouseholdFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, family name of a member or reference"), required=False,
                        max_length=200)
    dissolved = forms.BooleanField(label=_("Also dissolved households"), required=False)
