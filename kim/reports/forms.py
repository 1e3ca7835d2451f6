from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

# Reporting dates kim can answer for: the rules engine works with dates up to 2199 and
# looks three years ahead; nothing in a municipality's records lies before 1990.
FIRST_YEAR, LAST_YEAR = 1990, 2100


def date_in_range(day: date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


class AsOfForm(forms.Form):
    as_of = forms.DateField(
        label=_("As of"), required=False,
        help_text=_("The reporting date; empty means today."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_as_of(self) -> date | None:
        day = self.cleaned_data["as_of"]
        if day is not None and not date_in_range(day):
            raise forms.ValidationError(
                _("Choose a date between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR})
        return day
