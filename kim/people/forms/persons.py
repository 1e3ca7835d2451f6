from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from kim.core.forms.dates import bounded_formfield
from kim.core.models import Area
from kim.core.pickers import PickerInput
from kim.people.domain.citizenship import code_of
from kim.people.domain.dates import DateFormatError, parse_partial_date
from kim.people.models import LegalStatus, Person, Vulnerability
from kim.people.models.fields import validate_citizenships

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=_("Name, ID or document number"), required=False, max_length=200)
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False, min_value=1900,
                                    max_value=2100)


class ModelErrorsForm(forms.ModelForm):
    """Model validation (``clean()``, kim.people.domain.recording) names model fields:
    each error is shown at the form field that edits it (FORM_FIELDS maps the fields the
    form edits through a field of its own), else above the form."""

    FORM_FIELDS: dict[str, str] = {}

    def add_error(self, field: str | None, error: Any) -> None:
        if field is None and isinstance(error, ValidationError) and hasattr(error,
                                                                             "error_dict"):
            mapped: dict[str, list[ValidationError]] = {}
            for name, errors in error.error_dict.items():
                target = self.FORM_FIELDS.get(name, name)
                mapped.setdefault(target if target in self.fields else NON_FIELD_ERRORS,
                                  []).extend(errors)
            error = ValidationError(mapped)  # type: ignore[arg-type]
        super().add_error(field, error)


# The area's queryset is built when the class is created, outside any municipality's
# scope; it is set per request in __init__.
with scopes_disabled():
    class PersonForm(ModelErrorsForm):
        birth = forms.CharField(
            label=_("Date of birth"), max_length=10,
            help_text=_("TT.MM.JJJJ, or MM.JJJJ / JJJJ when only that is known"))
        citizenship_codes = forms.CharField(
            label=_("Citizenships"), max_length=300, widget=PickerInput(),
            help_text=_("Type the country's name and choose it; several are possible. Without "
                        "the suggestions: names or ISO codes separated by commas, e.g. SY, TR; "
                        "XX = stateless or unknown."))

        class Meta:
            formfield_callback = bounded_formfield
            model = Person
            fields = ["family_name", "given_names", "sex", "external_id", "phone", "email",
                      "street", "postal_code", "area",
                      "entry_date", "asylum_application_date", "assignment_date",
                      "analog_benefits_since", "moved_away_date", "lives_in_reception_centre",
                      "unaccompanied_minor", "residence_obligation_exception"]
            widgets = dict.fromkeys(
                ("entry_date", "asylum_application_date", "assignment_date",
                 "analog_benefits_since", "moved_away_date"), DATE_WIDGET)

        field_order = ["family_name", "given_names", "birth", "sex", "citizenship_codes"]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            area = self.fields["area"]
            area.queryset = Area.objects.all()  # type: ignore[attr-defined]
            area.empty_label = _("– no area –")  # type: ignore[attr-defined]
            person = self.instance
            if person.pk:
                self.initial["birth"] = person.birth_date_display
                self.initial["citizenship_codes"] = ", ".join(person.citizenships)

        FORM_FIELDS = {"birth_date": "birth", "birth_date_precision": "birth",
                       "citizenships": "citizenship_codes"}

        def clean_birth(self) -> str:
            try:
                date, precision = parse_partial_date(self.cleaned_data["birth"])
            except DateFormatError:
                raise forms.ValidationError(
                    _("Enter the date of birth as TT.MM.JJJJ, MM.JJJJ or JJJJ.")) from None
            self.instance.birth_date, self.instance.birth_date_precision = date, precision
            return self.cleaned_data["birth"]  # type: ignore[no-any-return]

        def clean_citizenship_codes(self) -> str:
            raw = self.cleaned_data["citizenship_codes"]
            codes = []
            for part in [c for c in raw.replace(";", ",").split(",") if c.strip()]:
                code = code_of(part)
                if not code:
                    raise forms.ValidationError(
                        _("%(value)s is not a country kim knows. Choose it from the suggestions "
                          "or give its ISO code, e.g. SY."), params={"value": part.strip()})
                codes.append(code)
            validate_citizenships(codes)
            self.instance.citizenships = codes
            return raw  # type: ignore[no-any-return]


class StatusForm(ModelErrorsForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = LegalStatus
        fields = ["code", "valid_from", "permit_paragraph", "document_number", "expires_on",
                  "note"]
        widgets = {"valid_from": DATE_WIDGET, "expires_on": DATE_WIDGET}


class VulnerabilityForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = Vulnerability
        fields = ["kind", "since", "note"]
        widgets = {"since": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 3})}
