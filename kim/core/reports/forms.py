"""The parameters form of a report page: the fields the report declares (as-of date,
period start, area), validated like every other input of kim."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.reports.registry import Report, ReportParams
from kim.rules.dates import add_years

# Reporting dates kim can answer for: the rules engine works with dates up to 2199 and
# looks three years ahead; nothing in a municipality's records lies before 1990.
FIRST_YEAR, LAST_YEAR = 1990, 2100


def date_in_range(day: date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


def _date_field(label: Any, help_text: Any) -> forms.DateField:
    return forms.DateField(label=label, required=False, help_text=help_text,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class ReportParamsForm(forms.Form):
    as_of = _date_field(_("As of"), _("The reporting date; empty means today."))

    def __init__(self, data: QueryDict | None = None, *, report: Report,
                 municipality: Any) -> None:
        super().__init__(data or None)
        self.report = report
        if "period" in report.params:
            self.fields["period_start"] = _date_field(
                _("Period from"), _("First day of the period; empty means one year back."))
            self.fields["as_of"].label = _("Period to")
            self.order_fields(["period_start", "as_of"])
        if "area" in report.params:
            from kim.core.models import Area

            self.fields["area"] = forms.ModelChoiceField(
                label=_("Area"), required=False, empty_label=_("Whole municipality"),
                queryset=Area.objects.filter(municipality=municipality))

    def _clean_day(self, name: str) -> date | None:
        day = self.cleaned_data.get(name)
        if day is not None and not date_in_range(day):
            raise forms.ValidationError(
                _("Choose a date between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR})
        return day

    def clean_as_of(self) -> date | None:
        return self._clean_day("as_of")

    def clean_period_start(self) -> date | None:
        return self._clean_day("period_start")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("as_of")
        if start and end and start > end:
            self.add_error("period_start", _("The period starts after it ends."))
        return data

    def params(self) -> ReportParams:
        """The validated parameters (call after ``is_valid()``)."""
        as_of = self.cleaned_data.get("as_of") or timezone.localdate()
        start = None
        if "period" in self.report.params:
            start = self.cleaned_data.get("period_start") or _one_year_before(as_of)
        return ReportParams(as_of=as_of, period_start=start,
                            area=self.cleaned_data.get("area"))

    def query(self, **extra: str) -> str:
        """The query string that asks for the same parameters (download links)."""
        params = self.params()
        q = QueryDict(mutable=True)
        q["as_of"] = params.as_of.isoformat()
        if params.period_start:
            q["period_start"] = params.period_start.isoformat()
        if params.area is not None:
            q["area"] = str(params.area.pk)
        q.update(extra)
        return q.urlencode()


def _one_year_before(day: date) -> date:
    return add_years(day, -1) + timedelta(days=1)
