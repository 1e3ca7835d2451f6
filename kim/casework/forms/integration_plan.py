from typing import Any

from django import forms
from django_scopes import scopes_disabled

from kim.casework.forms import DATE_WIDGET
from kim.casework.models import IntegrationGoal, IntegrationStep
from kim.core.forms.dates import bounded_formfield
from kim.core.models import FieldOfAction

# A ModelForm builds its foreign-key querysets when the class is created, outside any
# municipality's scope; the municipality's fields of action are set per request.
with scopes_disabled():
    class GoalForm(forms.ModelForm):
        class Meta:
            formfield_callback = bounded_formfield
            model = IntegrationGoal
            fields = ["field", "text", "status", "due_on"]
            widgets = {"due_on": DATE_WIDGET}

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            field = self.fields["field"]
            field.queryset = FieldOfAction.objects.filter(active=True)  # type: ignore[attr-defined]
            field.empty_label = None  # type: ignore[attr-defined]


class StepForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = IntegrationStep
        fields = ["text", "due_on", "status", "responsible"]
        widgets = {"due_on": DATE_WIDGET}
