"""Forms for the shared master data: areas, organisations, fields of action, settings."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from kim.core.models import Area, FieldOfAction, Organisation, OrganisationKind

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

with scopes_disabled():  # foreign-key querysets are set per request, inside the scope
    class AreaForm(forms.ModelForm):
        geometry_text = forms.CharField(
            label=_("Outline (GeoJSON, optional)"), required=False, widget=forms.Textarea(
                attrs={"rows": 4}),
            help_text=_("A GeoJSON Polygon or MultiPolygon in longitude/latitude, e.g. from "
                        "the city's GIS. Leave empty if not needed."))

        class Meta:
            model = Area
            fields = ["name", "code", "level", "parent"]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            parent = self.fields["parent"]
            parent.queryset = Area.objects.filter(level=Area.Level.DISTRICT)  # type: ignore[attr-defined]
            parent.empty_label = _("– none (a district) –")  # type: ignore[attr-defined]
            if self.instance.pk:
                parent.queryset = parent.queryset.exclude(pk=self.instance.pk)  # type: ignore[attr-defined]
            if self.instance.geometry:
                self.initial["geometry_text"] = json.dumps(self.instance.geometry)

        def clean_geometry_text(self) -> Any:
            text = self.cleaned_data["geometry_text"].strip()
            if not text:
                return None
            try:
                return json.loads(text)
            except ValueError:
                raise forms.ValidationError(_("This is not valid JSON.")) from None

        def _post_clean(self) -> None:
            self.instance.geometry = self.cleaned_data.get("geometry_text")
            super()._post_clean()

    class OrganisationForm(forms.ModelForm):
        kinds = forms.MultipleChoiceField(label=_("Kinds"), choices=OrganisationKind.choices,
                                          widget=forms.CheckboxSelectMultiple)

        # declared here: a website without scheme is taken as https (Django 6's default)
        website = forms.URLField(label=_("website"), required=False, assume_scheme="https",
                                 max_length=200)

        class Meta:
            model = Organisation
            fields = ["name", "kinds", "area", "street", "postal_code", "city", "phone",
                      "email", "website", "active"]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            area = self.fields["area"]
            area.queryset = Area.objects.all()  # type: ignore[attr-defined]
            area.empty_label = _("– no area –")  # type: ignore[attr-defined]

    class FieldOfActionForm(forms.ModelForm):
        class Meta:
            model = FieldOfAction
            fields = ["name", "code", "order", "active"]
            help_texts = {"code": _("A short technical name that never changes (letters, "
                                    "digits, hyphens).")}


class SettingValueForm(forms.Form):
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE_WIDGET)
    value = forms.CharField(label=_("Value"), max_length=2000)
    note = forms.CharField(label=_("Reason or decision"), max_length=300, required=False,
                           help_text=_("E.g. the council decision this policy rests on."))
