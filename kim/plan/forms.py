"""Forms of the action plan. Uniqueness that involves the municipality or the plan (not
form fields) is checked here, so a clash is a field error, never a database error."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from kim.core.forms.dates import BoundedDateField, bounded_formfield
from kim.core.models import FieldOfAction
from kim.plan import figures
from kim.plan.models import Goal, Measure, Plan, PlanField, State, StatusEntry

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["title", "adopted_on", "next_report_on", "review_on", "summary"]
        widgets = {"adopted_on": DATE, "next_report_on": DATE, "review_on": DATE}
        formfield_callback = bounded_formfield

    def clean_title(self) -> str:
        title = self.cleaned_data["title"]
        clash = Plan.objects.filter(municipality_id=self.instance.municipality_id,
                                    title=title).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("A plan with this title exists already."))
        return title


class VersionForm(forms.Form):
    title = forms.CharField(label=_("Title of the new version"), max_length=200)
    adopted_on = BoundedDateField(label=_("adopted on"), widget=DATE)


with scopes_disabled():
    class PlanFieldForm(forms.ModelForm):
        class Meta:
            model = PlanField
            fields = ["field", "number", "situation"]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["field"].queryset = FieldOfAction.objects.filter(  # type: ignore[attr-defined]
                active=True)

        def clean(self) -> dict[str, Any]:
            data = super().clean() or {}
            others = PlanField.objects.filter(plan_id=self.instance.plan_id).exclude(
                pk=self.instance.pk)
            if data.get("field") and others.filter(field=data["field"]).exists():
                self.add_error("field", _("This field of action is part of the plan "
                                          "already."))
            if data.get("number") and others.filter(number=data["number"]).exists():
                self.add_error("number", _("Another field of the plan has this number."))
            return data


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["horizon", "text"]


class MeasureForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["number", "text", "owner", "participants", "horizon", "effort", "figure"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # the figures the installed modules declare (kim/plan/figures.py)
        field = self.fields["figure"]
        self.fields["figure"] = forms.ChoiceField(
            label=field.label, help_text=field.help_text, required=False,
            choices=[("", "–"), *figures.choices()])

    def clean_number(self) -> str:
        number = self.cleaned_data["number"].strip()
        parts = number.split(".")
        if not all(p.isdigit() for p in parts):
            raise forms.ValidationError(_("Write the number as digits with dots, e.g. 1.1."))
        plan_id = self.instance.plan_field.plan_id
        clash = Measure.objects.filter(plan_field__plan_id=plan_id, number=number).exclude(
            pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("This plan has a measure with this number "
                                          "already."))
        return number


class StatusForm(forms.ModelForm):
    class Meta:
        model = StatusEntry
        fields = ["reported_on", "state", "progress", "goal", "timing", "status", "need"]
        widgets = {"reported_on": DATE, "goal": forms.Textarea(attrs={"rows": 2}),
                   "status": forms.Textarea(attrs={"rows": 3}),
                   "need": forms.Textarea(attrs={"rows": 2})}
        formfield_callback = bounded_formfield

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].initial = State.IN_PROGRESS
