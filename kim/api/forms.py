from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.api.models import ApiToken
from kim.api.tokens import DEFAULT_DAYS, MAX_DAYS, api_modules

MODULE_LABELS = {"people": _("Persons and legal status"), "api": _("Changes feed"),
                 "housing": _("Accommodation"), "reports": _("Reports"),
                 "education": _("Courses and education cards"),
                 "volunteers": _("Volunteer requests"),
                 "monitoring": _("Integration monitoring")}


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100,
                           help_text=_("What the token is for, e.g. data warehouse"))
    access = forms.ChoiceField(label=_("Access"), choices=ApiToken.Access.choices,
                               initial=ApiToken.Access.READ)
    modules = forms.MultipleChoiceField(
        label=_("Parts of kim"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every part your role may use."))
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=MAX_DAYS,
                              initial=DEFAULT_DAYS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["modules"].choices = [(m, MODULE_LABELS.get(m, m))  # type: ignore[attr-defined]
                                          for m in api_modules()]
