from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from kim.monitoring.models import Indicator

# The foreign keys' querysets are built when the class is created, outside any
# municipality's scope; they are set per request in __init__.
with scopes_disabled():
    class IndicatorForm(forms.ModelForm):  # type: ignore[type-arg]
        class Meta:
            model = Indicator
            fields = ["code", "name", "topic", "definition", "unit", "source", "numerator",
                      "denominator", "level", "periodicity", "basis"]
            widgets = {"definition": forms.Textarea(attrs={"rows": 3})}

        def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.municipality = municipality
            others = Indicator.objects.filter(municipality=municipality)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            for name in ("numerator", "denominator"):
                self.fields[name].queryset = others  # type: ignore[attr-defined]

        def clean_code(self) -> str:
            code: str = self.cleaned_data["code"]
            clash = Indicator.objects.filter(municipality=self.municipality, code=code)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                raise forms.ValidationError(_("Another indicator has this code."))
            return code

        def clean(self) -> dict[str, Any]:
            data = super().clean() or {}
            if bool(data.get("numerator")) != bool(data.get("denominator")):
                raise forms.ValidationError(
                    _("A share or rate needs both a numerator and a denominator."))
            return data


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"))
    source = forms.CharField(label=_("Source"), max_length=200, required=False,
                             help_text=_("e.g. registration office, IT.NRW, Jobcenter"))
