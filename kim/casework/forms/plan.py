from django import forms

from kim.casework.forms import DATE_WIDGET
from kim.casework.models import PlanGoal, PlanStep
from kim.core.forms.dates import bounded_formfield


class GoalForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = PlanGoal
        fields = ["field", "text", "status", "due_on"]
        widgets = {"due_on": DATE_WIDGET}


class StepForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = PlanStep
        fields = ["text", "due_on", "status", "responsible"]
        widgets = {"due_on": DATE_WIDGET}
