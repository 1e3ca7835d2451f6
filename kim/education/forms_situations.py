"""Forms for childcare, schooling, the employment situation and work measures."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.core.models import Organisation
from kim.education.forms import DATE, _Base, _formfield
from kim.education.models import (
    MAX_CONTRACT_DAYS,
    ChildcareRecord,
    EmploymentRecord,
    Measure,
    MeasurePlacement,
    SchoolRecord,
)


def institutions(municipality: Any, kind: str) -> Any:
    orgs = Organisation.objects.filter(municipality=municipality, active=True)
    return orgs.filter(pk__in=[pk for pk, kinds in orgs.values_list("pk", "kinds")
                               if kind in (kinds or [])])


class _Dated(_Base):
    def clean_valid_from(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["valid_from"]
        person = self.instance.person
        if day < person.birth_date:
            raise forms.ValidationError(_("This date lies before the birth."))
        if type(self.instance)._default_manager.filter(person=person, valid_from=day).exclude(
                pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A situation from this day is already recorded."))
        return day


class ChildcareForm(_Dated):
    class Meta:
        formfield_callback = _formfield
        model = ChildcareRecord
        fields = ["valid_from", "kind", "institution", "waiting_since", "place_offered_on"]
        widgets = {"valid_from": DATE, "waiting_since": DATE, "place_offered_on": DATE}

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = (  # type: ignore[attr-defined]
            institutions(municipality, "kita"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("kind")
        if kind in ("kita", "day_care") and not data.get("institution"):
            self.add_error("institution", _("Choose the Kita or child minder."))
        if kind == "waiting" and not data.get("waiting_since"):
            self.add_error("waiting_since", _("Enter since when the child is waiting."))
        return data


class SchoolForm(_Dated):
    class Meta:
        formfield_callback = _formfield
        model = SchoolRecord
        fields = ["valid_from", "school", "class_type", "grade", "first_assessment_on",
                  "left_on"]
        widgets = {"valid_from": DATE, "first_assessment_on": DATE, "left_on": DATE}

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = (  # type: ignore[attr-defined]
            institutions(municipality, "school"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self._after(data, "left_on", "valid_from", _("This date lies before the start."))
        return data


class EmploymentForm(_Dated):
    class Meta:
        formfield_callback = _formfield
        model = EmploymentRecord
        fields = ["valid_from", "activity", "hindrance"]
        widgets = {"valid_from": DATE}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("hindrance") and data.get("activity") != "none":
            self.add_error("hindrance", _("A reason for not taking part fits only "
                                          "\"no measure / waiting list\"."))
        return data


class MeasureForm(_Base):
    class Meta:
        formfield_callback = _formfield
        model = Measure
        fields = ["organisation", "title", "kind", "internal", "places", "start", "end"]
        widgets = {"start": DATE, "end": DATE}

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(  # type: ignore
            municipality=municipality, active=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self._after(data, "end", "start", _("The end lies before the start."))
        return data


class PlacementForm(_Base):
    class Meta:
        formfield_callback = _formfield
        model = MeasurePlacement
        fields = ["measure", "start", "end"]
        widgets = {"start": DATE, "end": DATE}

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = Measure.objects.filter(  # type: ignore
            municipality=municipality)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end, measure = data.get("start"), data.get("end"), data.get("measure")
        self._after(data, "end", "start", _("The end lies before the start."))
        if start and end and measure and measure.kind in ("fim", "agh") and \
                (end - start).days >= MAX_CONTRACT_DAYS:
            self.add_error("end", _("A work opportunity lasts at most six months."))
        return data
