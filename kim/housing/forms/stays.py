"""Forms for move-in, move, move-out, the Phase I exception and incidents."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.forms.dates import BoundedDateField, bounded_formfield
from kim.core.pickers import PickerInput
from kim.housing.forms import DATE
from kim.housing.models import Incident, MoveInReason, MoveOutReason, Place
from kim.people.models import Person


def override_field() -> forms.CharField:
    return forms.CharField(
        label=_("Reason for an exception from the target group"), max_length=200,
        required=False,
        help_text=_("Only needed when the unit is meant for another group (families, "
                    "single men, single women, vulnerable persons, accessible)."))


class MoveInForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=Person.objects.none(), widget=PickerInput(),
        help_text=_("Type the name or number of the person and choose them; persons who "
                    "already live in a place are moved from their current place."),
        error_messages={"invalid_choice": _("There is no person with this number.")})
    start = BoundedDateField(label=_("Moved in on"), widget=DATE)
    reason = forms.ChoiceField(label=_("Reason"), choices=MoveInReason.choices,
                               initial=MoveInReason.ARRIVAL)
    household = forms.BooleanField(
        label=_("Move in the other household members too"), required=False,
        help_text=_("They get the next free places of the same unit."))
    override_reason = override_field()
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("start", timezone.localdate())
        super().__init__(*args, **kwargs)
        # Anyone of the town: one who already has a place gets the domain's message.
        self.fields["person"].queryset = Person.objects.filter(  # type: ignore[attr-defined]
            municipality=municipality, anonymised_on__isnull=True)


class MoveForm(forms.Form):
    """The new place is searched among the free places (a picker, kim/core/pickers.py):
    suggestions name facility, unit and place, units whose target group suits the
    person's household first. The number is checked against the free places again."""

    place = forms.IntegerField(label=_("New place"), widget=PickerInput(),
                               help_text=_("Type the name of the facility or unit and "
                                           "choose a free place."))
    on = BoundedDateField(label=_("Moved on"), widget=DATE)
    reason = forms.ChoiceField(label=_("Reason for the move"),
                               choices=[c for c in MoveInReason.choices
                                        if c[0] != MoveInReason.ARRIVAL])
    override_reason = override_field()
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: Any, places: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.places = places

    def clean_place(self) -> Place:
        place = self.places.filter(pk=self.cleaned_data["place"]).first()
        if place is None:
            raise forms.ValidationError(_("This place is no longer free."))
        return place


class MoveOutForm(forms.Form):
    on = BoundedDateField(label=_("Moved out on"), widget=DATE,
                         help_text=_("The first day the person no longer lives there."))
    reason = forms.ChoiceField(label=_("Reason"),
                               choices=[c for c in MoveOutReason.choices
                                        if c[0] != MoveOutReason.TRANSFER])
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)


class ExceptionForm(forms.Form):
    reason = forms.CharField(label=_("Reason for staying in Phase I beyond six months"),
                             max_length=300, widget=forms.Textarea(attrs={"rows": 3}))


class IncidentForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = Incident
        fields = ["occurred_at", "kind", "reported_by", "persons_involved", "description",
                  "measures"]
        widgets = {"occurred_at": forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                      format="%Y-%m-%dT%H:%M"),
                   "description": forms.Textarea(attrs={"rows": 4}),
                   "measures": forms.Textarea(attrs={"rows": 3})}

    def clean_occurred_at(self) -> Any:
        value = self.cleaned_data["occurred_at"]
        if value > timezone.now():
            raise forms.ValidationError(_("An incident cannot lie in the future."))
        return value


class HintFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of hint"), required=False)

    def __init__(self, *args: Any, labels: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("all"))] + list(  # type: ignore[attr-defined]
            labels.items())
