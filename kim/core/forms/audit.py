from django import forms
from django.utils.translation import gettext_lazy as _

from kim.core.forms.dates import BoundedDateField
from kim.core.models import AuditEntry


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"), required=False,
        choices=[("", _("all"))] + list(AuditEntry.Action.choices),
    )
    model = forms.ChoiceField(label=_("Object type"), required=False)
    actor = forms.ChoiceField(label=_("User"), required=False)
    person = forms.IntegerField(label=_("Person (number)"), required=False, min_value=1,
                                help_text=_("The number of the person page: every record "
                                            "about this person."))
    date_from = BoundedDateField(label=_("From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = BoundedDateField(label=_("To"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, kinds=(), users=(), **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", _("all")), *kinds]
        self.fields["actor"].choices = [("", _("all")), *users]

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end date lies before the start date."))
        return data
