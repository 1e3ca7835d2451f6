"""Forms of the integration fund. Amounts are decimals (German "1.234,56" is accepted by
the localised input); uniqueness involving the municipality is checked here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from kim.core.forms.dates import BoundedDateField, bounded_formfield
from kim.core.io.cells import number_text
from kim.core.models import FieldOfAction
from kim.fund.models import CENT, GUIDELINES, Application, FundYear, Round

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EuroField(forms.DecimalField):
    """An amount in euros, German (1.234,56) or English (1,234.56) notation; two decimal
    places at most (``1.234`` is refused rather than read as 1234)."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and value.strip():
            value = number_text(value.strip()) or value
        return super().to_python(value)


def amount_field(label: Any, required: bool = True, minimum: Decimal = CENT) -> EuroField:
    return EuroField(label=label, max_digits=12, decimal_places=2, min_value=minimum,
                     required=required, localize=True)


class YearForm(forms.ModelForm):
    budget = amount_field(_("budget (€)"))

    class Meta:
        model = FundYear
        fields = ["year", "budget"]

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if not 1990 <= year <= 2199:
            raise forms.ValidationError(_("Enter a year between 1990 and 2199."))
        if FundYear.objects.filter(municipality_id=self.instance.municipality_id,
                                   year=year).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("The fund has a budget for this year already."))
        if self.instance.pk and year != self.instance.year and Round.objects.filter(
                fund_year=self.instance).exists():
            raise forms.ValidationError(_("This year has application rounds: its year cannot "
                                          "change any more."))
        return year

    def clean_budget(self) -> Any:
        budget = self.cleaned_data["budget"]
        if self.instance.pk:
            from kim.fund.domain.ledger import committed

            already = committed(self.instance.municipality, self.instance.year)
            if budget < already:
                raise forms.ValidationError(
                    _("%(committed)s € are already committed this year: the budget cannot be "
                      "less.") % {"committed": number_format(already, 2, force_grouping=True)})
        return budget


with scopes_disabled():
    class RoundForm(forms.ModelForm):
        class Meta:
            model = Round
            fields = ["fund_year", "name", "deadline", "decision_on"]
            widgets = {"deadline": DATE, "decision_on": DATE}
            formfield_callback = bounded_formfield

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["fund_year"].queryset = FundYear.objects.all()  # type: ignore[attr-defined]

        def clean(self) -> dict[str, Any]:
            data = super().clean() or {}
            year, deadline = data.get("fund_year"), data.get("deadline")
            if year and deadline and deadline.year != year.year:
                self.add_error("deadline", _("The deadline lies outside the fund year."))
            if year and data.get("name") and Round.objects.filter(
                    fund_year=year, name=data["name"]).exclude(pk=self.instance.pk).exists():
                self.add_error("name", _("This year has a round of this name already."))
            decision = data.get("decision_on")
            if decision and deadline and decision < deadline:
                self.add_error("decision_on", _("The decision cannot be before the "
                                                "deadline."))
            return data

    class ApplicationForm(forms.ModelForm):
        amount_requested = amount_field(_("amount requested (€)"))

        class Meta:
            model = Application
            fields = ["round", "field", "title", "description", "amount_requested",
                      "period_start", "period_end"]
            widgets = {"period_start": DATE, "period_end": DATE}
            formfield_callback = bounded_formfield

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            today = timezone.localdate()
            self.fields["round"].queryset = Round.objects.filter(  # type: ignore[attr-defined]
                deadline__gte=today).select_related("fund_year")
            self.fields["field"].queryset = FieldOfAction.objects.filter(  # type: ignore[attr-defined]
                active=True)

        def clean(self) -> dict[str, Any]:
            data = super().clean() or {}
            start, end = data.get("period_start"), data.get("period_end")
            if start and end and end < start:
                self.add_error("period_end", _("The project cannot end before it starts."))
            return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("decision"), widget=forms.RadioSelect, choices=[
        ("approve", _("approve")), ("reject", _("reject"))])
    amount_granted = amount_field(_("amount granted (€)"), required=False)
    conditions = forms.CharField(label=_("conditions"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    checks = forms.MultipleChoiceField(label=_("guideline checks met"), required=False,
                                       choices=GUIDELINES,
                                       widget=forms.CheckboxSelectMultiple)
    decided_on = BoundedDateField(label=_("decided on"), widget=DATE)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "approve" and not data.get("amount_granted"):
            self.add_error("amount_granted", _("Enter the amount granted."))
        return data


class PaymentForm(forms.Form):
    paid_on = BoundedDateField(label=_("paid on"), widget=DATE)
    amount = amount_field(_("amount (€)"))
    note = forms.CharField(label=_("note"), max_length=200, required=False)


class UsageForm(forms.Form):
    spent = amount_field(_("money spent (€)"), minimum=Decimal("0"))
    text = forms.CharField(label=_("report"), widget=forms.Textarea(attrs={"rows": 6}))
