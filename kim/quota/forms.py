"""Forms of the quota app: the Land statistics upload, forecast settings, arrivals filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.quota.models import QuotaSettings

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
FIRST_YEAR = 1990  # FlüAG NRW dates from 1982; kim keeps statistics from 1990 on
MONTH_FORMAT = "%Y-%m"


class MonthField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "month", "placeholder": "JJJJ-MM"},
                             format=MONTH_FORMAT)
    input_formats = [MONTH_FORMAT, "%m.%Y", "%m/%Y"]
    default_error_messages = {"invalid": _("Enter a month as YYYY-MM.")}


class StatisticsImportForm(forms.Form):
    month = MonthField(label=_("Month of the statistics"),
                       help_text=_("The month the Land's table refers to (YYYY-MM)."))
    file = forms.FileField(
        label=_("File of the Land (CSV or XLSX)"),
        help_text=_("The columns listed below (or their German names); CSV comma or "
                    "semicolon separated, or the first sheet of an XLSX file."))

    def clean_month(self) -> Any:
        month = self.cleaned_data["month"]
        today = timezone.localdate()
        if month.replace(day=1) > today.replace(day=1):
            raise forms.ValidationError(_("The month cannot be in the future."))
        if month.year < FIRST_YEAR:
            raise forms.ValidationError(_("The month cannot be before %(year)s.")
                                        % {"year": FIRST_YEAR})
        return month

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a CSV or XLSX file (.csv, .xlsx)."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class QuotaSettingsForm(forms.ModelForm):
    class Meta:
        model = QuotaSettings
        fields = ["monthly_inflow", "household_size", "forecast_months"]


class ArrivalsFilterForm(forms.Form):
    first_year = forms.IntegerField(label=_("From year"), required=False, min_value=1990,
                                    max_value=2200)
    last_year = forms.IntegerField(label=_("To year"), required=False, min_value=1990,
                                   max_value=2200)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, last = data.get("first_year"), data.get("last_year")
        if first and last and first > last:
            self.add_error("last_year", _("The last year is before the first year."))
        return data
