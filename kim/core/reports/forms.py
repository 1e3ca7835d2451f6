"""The parameters form of a report page: the fields the report declares (as-of date,
period start, area), validated like every other input of kim.

For an aggregate-only audience the dates are reference dates (kim/core/reports/dates.py):
the form offers past month ends (and first days of months for a period) and refuses any
other date with a message that says why."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.reports import dates
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
                 municipality: Any, aggregate: bool = False) -> None:
        super().__init__(data or None)
        self.report = report
        self.aggregate = aggregate
        self.today = timezone.localdate()
        if "period" in report.params:
            self.fields["period_start"] = _date_field(
                _("Period from"), _("First day of the period; empty means one year back."))
            self.fields["as_of"].label = _("Period to")
            self.order_fields(["period_start", "as_of"])
        if aggregate:
            self._offer_reference_dates(data)
        if "area" in report.params:
            from kim.core.models import Area

            self.fields["area"] = forms.ModelChoiceField(
                label=_("Area"), required=False, empty_label=_("Whole municipality"),
                queryset=Area.objects.filter(municipality=municipality))

    def _offer_reference_dates(self, data: QueryDict | None) -> None:
        """Aggregate audiences choose among reference dates (newest first)."""
        self.fields["as_of"].help_text = _(
            "A month end: aggregate reports are available for past month ends only.")
        self.fields["as_of"].widget = forms.Select(choices=_choices(
            dates.reference_dates(self.today), (data or {}).get("as_of")))
        if "period_start" in self.fields:
            self.fields["period_start"].help_text = _(
                "A whole month, calendar quarter or calendar year; empty means the month "
                "that ends on the chosen month end.")
            self.fields["period_start"].widget = forms.Select(choices=[("", "–"), *_choices(
                dates.period_starts(self.today), (data or {}).get("period_start"))])

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
        elif self.aggregate and not self.errors:
            params = self.params()
            error = dates.aggregate_date_error(params.as_of, params.period_start, self.today)
            if error is not None:
                self.add_error(error[0] if error[0] in self.fields else None, error[1])
        return data

    def params(self) -> ReportParams:
        """The validated parameters (call after ``is_valid()``). An empty date means today,
        for an aggregate audience the latest reference date (the last month end)."""
        default = (dates.latest_reference_date(self.today) if self.aggregate else self.today)
        as_of = self.cleaned_data.get("as_of") or default
        start = None
        if "period" in self.report.params:
            start = self.cleaned_data.get("period_start") or (
                as_of.replace(day=1) if self.aggregate else _one_year_before(as_of))
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


def _choices(days: list[date], current: str | None) -> list[tuple[str, str]]:
    """``days`` as select options (ISO value, localised label); a requested value that is
    not among them stays selectable, so the field's error shows next to it."""
    options = [(d.isoformat(), d.strftime("%d.%m.%Y")) for d in days]
    if current and current not in {value for value, _label in options}:
        options.insert(0, (current, current))
    return options
