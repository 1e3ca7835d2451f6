"""Forms of the placement pages and the private-housing waiting list."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kim.core.forms.dates import BoundedDateField
from kim.core.pickers import PickerInput
from kim.housing.forms import DATE
from kim.housing.models import PlacementKind, Unit
from kim.housing.waiting import CRITERIA, CRITERION_LABELS, CriterionWeight, PriorityPolicy
from kim.people.models import Household


class PeriodFilterForm(forms.Form):
    """A filter with an optional period given by the fields ``period`` names."""

    period = ("", "")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, last = (data.get(name) for name in self.period)
        if first and last and last < first:
            self.add_error(self.period[1], _("The end cannot be before the start."))
        return data


class ArrivalFilterForm(PeriodFilterForm):
    assigned_from = BoundedDateField(label=_("Assigned from"), widget=DATE, required=False)
    assigned_to = BoundedDateField(label=_("Assigned until"), widget=DATE, required=False)
    period = ("assigned_from", "assigned_to")


class ArrivalPlanForm(forms.Form):
    """Which households to plan for, and the move-in date."""

    households = forms.TypedMultipleChoiceField(label=_("Households"), coerce=int,
                                                widget=forms.CheckboxSelectMultiple)
    on = BoundedDateField(label=_("Move-in on"), widget=DATE)

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["households"].choices = choices  # type: ignore[attr-defined]

    def clean_on(self) -> datetime.date:
        value = self.cleaned_data["on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value


class HouseholdField(forms.IntegerField):
    """A household by its number (as shown on the household page)."""

    def clean(self, value: Any) -> Household:  # type: ignore[override]
        number = super().clean(value)
        household = Household.objects.filter(pk=number, dissolved_on=None).first()
        if household is None:
            raise forms.ValidationError(_("There is no current household with number "
                                          "%(number)s.") % {"number": number})
        return household


class EntryForm(forms.Form):
    household = HouseholdField(
        label=_("Household"), min_value=1, widget=PickerInput(),
        help_text=_("Type a name of the household or of a member and choose it – or enter "
                    "the household's number (shown on the household page)."))
    applied_on = BoundedDateField(label=_("On the list since"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("applied_on", timezone.localdate())
        super().__init__(*args, **kwargs)

    def clean_applied_on(self) -> datetime.date:
        value = self.cleaned_data["applied_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value


class PlacementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Placed into"), choices=PlacementKind.choices,
                             widget=forms.RadioSelect)
    unit = forms.ModelChoiceField(
        label=_("Flat rented by the municipality"), queryset=Unit.objects.none(),
        required=False, help_text=_("Only for a flat rented by the municipality: the "
                                    "household moves there."))
    on = BoundedDateField(label=_("Placed on"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("kind") == PlacementKind.RENTED_FLAT and not data.get("unit"):
            self.add_error("unit", _("Choose the flat the household moves into."))
        on = data.get("on")
        if on and on > timezone.localdate():
            self.add_error("on", _("The date cannot be in the future."))
        return data


class PlacementFilterForm(PeriodFilterForm):
    placed_from = BoundedDateField(label=_("Placed from"), widget=DATE, required=False)
    placed_to = BoundedDateField(label=_("Placed until"), widget=DATE, required=False)
    kind = forms.ChoiceField(label=_("Placed into"), required=False,
                             choices=[("", _("all"))] + PlacementKind.choices)
    period = ("placed_from", "placed_to")


class CloseForm(forms.Form):
    on = BoundedDateField(label=_("Withdrawn on"), widget=DATE)
    note = forms.CharField(label=_("Reason"), max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)


class PolicyForm(forms.Form):
    """The priority order: one weight (empty = not used), cap and rank per criterion."""

    name = forms.CharField(label=_("Name of the policy"), max_length=100)
    mode = forms.ChoiceField(label=_("Order by"), choices=[
        ("points", _("the sum of the points")),
        ("order", _("the criteria one after another (by their rank)"))])

    def __init__(self, *args: Any, policy: PriorityPolicy, **kwargs: Any) -> None:
        initial = {"name": gettext(policy.name), "mode": policy.mode}
        for index, c in enumerate(policy.criteria, start=1):
            initial.update({f"{c.criterion}_weight": c.weight, f"{c.criterion}_cap": c.cap,
                            f"{c.criterion}_rank": index})
        super().__init__(*args, initial=initial, **kwargs)
        for name in CRITERIA:
            label = _(CRITERION_LABELS[name])
            self.fields[f"{name}_weight"] = forms.IntegerField(
                label=_("%(criterion)s: points per unit") % {"criterion": label},
                required=False, help_text=_("Empty: not used. Negative: lower values first."))
            self.fields[f"{name}_cap"] = forms.IntegerField(
                label=_("%(criterion)s: counted up to") % {"criterion": label},
                required=False, min_value=0)
            self.fields[f"{name}_rank"] = forms.IntegerField(
                label=_("%(criterion)s: rank") % {"criterion": label}, required=False,
                min_value=1, help_text=_("Order of the criteria (1 = first)."))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        used = [(data.get(f"{n}_rank") or 99, i, n) for i, n in enumerate(CRITERIA)
                if data.get(f"{n}_weight") is not None]
        if not used and not self.errors:
            raise forms.ValidationError(_("Give at least one criterion a weight."))
        criteria = tuple(CriterionWeight(n, data[f"{n}_weight"], data.get(f"{n}_cap"))
                         for _r, _i, n in sorted(used))
        try:
            data["policy"] = PriorityPolicy(data.get("name", ""), data.get("mode", "points"),
                                            criteria)
        except ValueError as exc:  # the pure policy names the field, e.g. criteria[1].cap
            raise forms.ValidationError(str(exc)) from exc
        return data
