"""Forms of the volunteers module. Every field names itself in its message; lists kept as
JSON on the model (languages, skills, roles, slots) are entered as checkboxes or, for
languages with their level, as one line "ar:C1, fa, de:native"."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from kim.core.forms.dates import BoundedDateField, bounded_formfield
from kim.core.models import Area, Organisation
from kim.core.pickers import PickerInput
from kim.volunteers.choices import (
    COMMON_LANGUAGES,
    Level,
    OfferCategory,
    Skill,
    VolunteerRole,
    slot_choices,
)
from kim.volunteers.matching import language_name
from kim.volunteers.models import Match, Offer, Request, Volunteer, WorkingGroup

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
LEVELS = {level.lower(): level for level in Level.values}


def parse_languages(text: str) -> dict[str, str]:
    """ "ar:C1, fa, de:native" → {"ar": "C1", "fa": "", "de": "native"}; the message names
    the entry that cannot be read."""
    result: dict[str, str] = {}
    for position, raw in enumerate(re.split(r"[,;\n]", text), start=1):
        item = raw.strip()
        if not item:
            continue
        code, _sep, level = (part.strip() for part in item.partition(":"))
        code = code.lower()
        if not LANGUAGE_CODE.match(code):
            raise forms.ValidationError(
                _("Entry %(position)s (“%(item)s”): a language is an ISO code such as ar, "
                  "fa or ti."), params={"position": position, "item": item[:30]})
        if level and level.lower() not in LEVELS:
            raise forms.ValidationError(
                _("Entry %(position)s (“%(item)s”): the level must be A1, A2, B1, B2, C1, C2 "
                  "or native."), params={"position": position, "item": item[:30]})
        if code in result:
            raise forms.ValidationError(
                _("Entry %(position)s: the language %(code)s is given twice."),
                params={"position": position, "code": code})
        result[code] = LEVELS[level.lower()] if level else ""
    return result


def format_languages(languages: dict[str, str]) -> str:
    return ", ".join(f"{code}:{level}" if level else code for code, level in languages.items())


def language_choices() -> list[tuple[str, str]]:
    return [(code, f"{language_name(code, 'de')} ({code})") for code in COMMON_LANGUAGES]


class MultipleChoice(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


with scopes_disabled():
    class VolunteerForm(forms.ModelForm):
        languages_text = forms.CharField(
            label=_("Languages"), max_length=300, required=False,
            help_text=_("ISO codes with the level, separated by commas, e.g. "
                        "“ar:C1, fa:B2, de:native”."))
        skills = MultipleChoice(label=_("Skills"), choices=Skill.choices, required=False)
        roles = MultipleChoice(label=_("Roles"), choices=VolunteerRole.choices, required=False)
        slots = MultipleChoice(label=_("Available times"), choices=(), required=False)

        class Meta:
            model = Volunteer
            fields = ["first_name", "family_name", "email", "phone", "languages_text",
                      "skills", "roles", "working_groups", "any_district", "districts",
                      "slots", "capacity", "certificate_seen_on", "consent_on",
                      "consent_scope", "joined_on", "left_on", "note"]
            formfield_callback = bounded_formfield
            widgets = {"certificate_seen_on": DATE, "consent_on": DATE, "joined_on": DATE,
                       "left_on": DATE, "districts": forms.CheckboxSelectMultiple,
                       "working_groups": forms.CheckboxSelectMultiple}

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["districts"].queryset = Area.objects.all()  # type: ignore[attr-defined]
            self.fields["working_groups"].queryset = (  # type: ignore[attr-defined]
                WorkingGroup.objects.all())
            self.fields["slots"].choices = slot_choices()  # type: ignore[attr-defined]
            if self.instance.pk:
                self.initial["languages_text"] = format_languages(self.instance.languages)

        def clean_languages_text(self) -> dict[str, str]:
            return parse_languages(self.cleaned_data["languages_text"])

        def clean(self) -> dict[str, Any]:
            data = super().clean()
            if data.get("any_district") and data.get("districts"):
                self.add_error("districts", _("Either every district or chosen districts, "
                                              "not both."))
            left, joined = data.get("left_on"), data.get("joined_on")
            if left and joined and left < joined:
                self.add_error("left_on", _("The day of leaving lies before the start."))
            elif left and self.instance.pk:
                running = self.instance.matches.exclude(state=Match.State.ENDED).count()
                if running:
                    self.add_error("left_on", _(
                        "End the open assignments of this volunteer first: %(count)s.")
                        % {"count": running})
            return data

        def save(self, commit: bool = True) -> Volunteer:
            self.instance.languages = self.cleaned_data["languages_text"]
            return super().save(commit)  # type: ignore[no-any-return]

    class RequestForm(forms.ModelForm):
        language = forms.ChoiceField(label=_("Language"), required=False)
        slots = MultipleChoice(label=_("Times"), choices=(),
                               error_messages={"required": _("Choose at least one time.")})

        class Meta:
            model = Request
            fields = ["skill", "language", "district", "slots", "involves_children",
                      "description", "shared_with_volunteer", "institution", "created_on"]
            formfield_callback = bounded_formfield
            widgets = {"created_on": DATE}

        def __init__(self, *args: Any, household_field: bool = False, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["language"].choices = [  # type: ignore[attr-defined]
                ("", _("– no particular language –")), *language_choices()]
            self.fields["slots"].choices = slot_choices()  # type: ignore[attr-defined]
            self.fields["district"].queryset = (  # type: ignore[attr-defined]
                Area.objects.filter(level=Area.Level.DISTRICT))
            self.fields["district"].empty_label = _("– any district –")  # type: ignore[attr-defined]
            self.fields["institution"].queryset = (  # type: ignore[attr-defined]
                Organisation.objects.filter(active=True))
            self.fields["skill"].choices = [  # type: ignore[attr-defined]
                ("", _("– no particular need –")), *Skill.choices]
            if household_field:
                del self.fields["institution"]
                self.fields["household_number"] = forms.IntegerField(
                    label=_("Household"), min_value=1, required=False,
                    widget=PickerInput(),
                    help_text=_("The household's number in kim, or type a name and choose "
                                "the household. Only you see it; the volunteer coordination "
                                "does not."))

        def clean_household_number(self) -> Any:
            from kim.people.models import Household

            number = self.cleaned_data.get("household_number")
            if number is None:
                return None
            household = Household.objects.filter(pk=number).first()
            if household is None:
                raise forms.ValidationError(_("There is no household with the number "
                                              "%(number)s."), params={"number": number})
            return household

        def clean(self) -> dict[str, Any]:
            data = super().clean()
            if not (data.get("skill") or data.get("language") or data.get("district")
                    or self.errors):
                raise forms.ValidationError(_("Name at least a need, a language or a "
                                              "district."))
            return data

        def save(self, commit: bool = True) -> Request:
            if "household_number" in self.cleaned_data:
                self.instance.household = self.cleaned_data["household_number"]
            return super().save(commit)  # type: ignore[no-any-return]

    class OfferForm(forms.ModelForm):
        languages = MultipleChoice(label=_("Languages"), choices=(), required=False)
        website = forms.URLField(label=_("website"), required=False, assume_scheme="https",
                                 max_length=200)

        class Meta:
            model = Offer
            fields = ["name", "category", "provider", "description", "languages",
                      "district", "times", "cost", "contact", "website", "public"]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["languages"].choices = language_choices()  # type: ignore[attr-defined]
            self.fields["district"].queryset = (  # type: ignore[attr-defined]
                Area.objects.filter(level=Area.Level.DISTRICT))
            self.fields["district"].empty_label = _("– whole town –")  # type: ignore[attr-defined]


class WorkingGroupForm(forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name"]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if WorkingGroup.objects.filter(name__iexact=name).exclude(
                pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A working group “%(name)s” exists already."),
                                        params={"name": name})
        return name


class DayForm(forms.Form):
    on = BoundedDateField(label=_("Date"), widget=DATE)


class EndForm(DayForm):
    reason = forms.ChoiceField(label=_("Reason"), choices=Match.EndReason.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class HoursForm(forms.Form):
    month = BoundedDateField(label=_("Month"), input_formats=["%Y-%m"],
                            widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
                            error_messages={"invalid": _("Enter a month as YYYY-MM.")})
    hours = forms.DecimalField(label=_("Hours"), min_value=0, max_value=744,
                               max_digits=5, decimal_places=1)


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = Match
        fields = ["feedback_rating", "feedback"]


class OfferSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", _("all categories")), *OfferCategory.choices])
