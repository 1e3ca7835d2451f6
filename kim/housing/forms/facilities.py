"""Forms for facilities, units, places and state facility counts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from kim.core.forms.dates import bounded_formfield
from kim.core.models import Area
from kim.housing.forms import DATE
from kim.housing.models import Facility, Kind, Place, StateFacilityCount, Stay, Unit

# The area's queryset is built when the class is created, outside any municipality's
# scope; it is set per request in __init__.
with scopes_disabled():
    class FacilityForm(forms.ModelForm):
        class Meta:
            model = Facility
            fields = ["name", "code", "kind", "address", "area", "target_use", "accessible",
                      "active", "note"]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            area = self.fields["area"]
            area.queryset = Area.objects.all()  # type: ignore[attr-defined]
            area.empty_label = _("– no area –")  # type: ignore[attr-defined]

        def clean_code(self) -> str:
            code = self.cleaned_data["code"]
            clash = Facility.objects.filter(municipality_id=self.instance.municipality_id,
                                            code__iexact=code).exclude(pk=self.instance.pk)
            if clash.exists():
                raise forms.ValidationError(
                    _("Another facility already has the code %(code)s."),
                    params={"code": code})
            return code

        def clean_kind(self) -> str:
            kind = self.cleaned_data["kind"]
            changes_sort = (kind == "state") != (self.instance.kind == "state")
            if self.instance.pk and changes_sort and (self.instance.units.exists()
                                                      or self.instance.counts.exists()):
                raise forms.ValidationError(_(
                    "A state facility has counts, the others have units: this facility "
                    "already has data of the other sort."))
            return kind


class UnitForm(forms.ModelForm):
    places = forms.IntegerField(label=_("Number of new places"), min_value=0, max_value=60,
                                initial=0, required=False,
                                help_text=_("Places are numbered on from the existing ones."))

    class Meta:
        model = Unit
        fields = ["name", "target_use", "accessible", "floor"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["places"].initial = 1
            self.fields["places"].min_value = 1

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        clash = Unit.objects.filter(facility_id=self.instance.facility_id,
                                    name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("This facility already has a unit called %(name)s."),
                                        params={"name": name})
        return name

    def clean_places(self) -> int:
        count = self.cleaned_data.get("places") or 0
        if self.instance.pk is None and count < 1:
            raise forms.ValidationError(_("A new unit needs at least one place."))
        return count


class BlockForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = ["blocked", "blocked_reason"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("blocked"):
            if not (data.get("blocked_reason") or "").strip():
                self.add_error("blocked_reason", _("Give the reason for blocking the place."))
            if Stay.objects.filter(place=self.instance, end=None).exists():
                self.add_error("blocked", _("The place is occupied; record the move-out "
                                            "first."))
        else:
            data["blocked_reason"] = ""
        return data


class StateCountForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = StateFacilityCount
        fields = ["date", "persons"]
        widgets = {"date": DATE}

    def clean_date(self) -> Any:
        day = self.cleaned_data["date"]
        if StateFacilityCount.objects.filter(facility_id=self.instance.facility_id,
                                             date=day).exists():
            raise forms.ValidationError(_("There is already a count for this date."))
        return day


class FacilityFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("all")), *Kind.choices])
