"""Forms of the course catalogue and the education card. Cross-field rules name the
field they concern; the database constraints stay the last line."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from kim.core.forms.dates import bounded_formfield
from kim.core.models import Organisation
from kim.education.models import (
    Assessment,
    Attendance,
    Certificate,
    Course,
    CourseKind,
    CourseStatus,
    Level,
    Obligation,
    Referral,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def providers(municipality: Any, only: int | None = None) -> QuerySet[Organisation]:
    orgs = Organisation.objects.filter(municipality=municipality, active=True)
    if only is not None:
        return orgs.filter(pk=only)
    # kinds is a JSON list; SQLite has no JSON "contains": pick them in Python
    return orgs.filter(pk__in=[pk for pk, kinds in orgs.values_list("pk", "kinds")
                               if "provider" in (kinds or [])])


def _formfield(db_field: Any, **kwargs: Any) -> Any:
    """Bounded dates; foreign keys start empty (the class is built outside any
    municipality's scope) and get their queryset per request in ``__init__``."""
    if db_field.is_relation:
        with scopes_disabled():
            return forms.ModelChoiceField(
                queryset=db_field.remote_field.model.objects.none(),
                required=not db_field.blank, label=capfirst(db_field.verbose_name),
                help_text=db_field.help_text, **kwargs)
    return bounded_formfield(db_field, **kwargs)


class _Base(forms.ModelForm):  # type: ignore[type-arg]

    def _after(self, data: dict[str, Any], later: str, earlier: str, message: Any) -> None:
        if data.get(later) and data.get(earlier) and data[later] < data[earlier]:
            self.add_error(later, message)


class CourseForm(_Base):
    class Meta:
        formfield_callback = _formfield
        model = Course
        fields = ["provider", "title", "kind", "level", "start", "end", "schedule", "place",
                  "area", "seats", "childcare", "cost", "admission", "status"]
        widgets = {"start": DATE, "end": DATE}

    def __init__(self, *args: Any, municipality: Any, provider_id: int | None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["provider"]
        field.queryset = providers(municipality, provider_id)  # type: ignore[attr-defined]
        if provider_id is not None:
            field.initial = provider_id
            field.empty_label = None  # type: ignore[attr-defined]
        from kim.core.models import Area

        self.fields["area"].queryset = Area.objects.filter(  # type: ignore[attr-defined]
            municipality=municipality)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self._after(data, "end", "start", _("The end lies before the start."))
        return data


class ReferralForm(_Base):
    class Meta:
        formfield_callback = _formfield
        model = Referral
        fields = ["course", "referred_on"]
        widgets = {"referred_on": DATE}

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("referred_on", datetime.date.today())
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = Course.objects.filter(  # type: ignore[attr-defined]
            municipality=municipality).exclude(status=CourseStatus.FINISHED
                                               ).select_related("provider")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        course, person = data.get("course"), self.instance.person
        if course and Referral.objects.filter(person=person, course=course,
                                              ended_on__isnull=True).exists():
            self.add_error("course", _("The person is already referred to this course."))
        return data


class ReferralUpdateForm(_Base):
    """The provider's entries on a referral: enrolment, interruption, completion, end."""

    class Meta:
        formfield_callback = _formfield
        model = Referral
        fields = ["start", "end", "seat", "interrupted_on", "interruption_reason",
                  "completed_on", "ended_on"]
        widgets = dict.fromkeys(("start", "end", "interrupted_on", "completed_on",
                                 "ended_on"), DATE)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        referred = self.instance.referred_on
        if data.get("start") and data["start"] < referred:
            self.add_error("start", _("The enrolment cannot start before the referral."))
        self._after(data, "end", "start", _("The end lies before the start."))
        if data.get("end") and not data.get("start"):
            self.add_error("start", _("Enter the start of the enrolment."))
        for name in ("interrupted_on", "completed_on"):
            if data.get(name) and not data.get("start"):
                self.add_error(name, _("Only an enrolment can be interrupted or completed."))
            self._after(data, name, "start", _("This date lies before the start."))
        if data.get("interrupted_on") and not data.get("interruption_reason"):
            self.add_error("interruption_reason", _("Enter the reason for the interruption."))
        if data.get("ended_on") and data["ended_on"] < referred:
            self.add_error("ended_on", _("The referral cannot end before it was made."))
        seat = data.get("seat")
        if seat is not None and seat > self.instance.course.seats:
            self.add_error("seat", _("The course has %(n)d seats.")
                           % {"n": self.instance.course.seats})
        elif seat is not None and Referral.objects.filter(
                course_id=self.instance.course_id, seat=seat, ended_on__isnull=True
        ).exclude(pk=self.instance.pk).exists():
            self.add_error("seat", _("This seat is taken."))
        return data


class AttendanceForm(_Base):
    class Meta:
        formfield_callback = _formfield
        model = Attendance
        fields = ["month", "hours", "absent_hours"]
        widgets = {"month": forms.DateInput(attrs={"type": "month"}, format="%Y-%m")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].input_formats = ["%Y-%m", "%Y-%m-%d"]  # type: ignore[attr-defined]

    def clean_month(self) -> datetime.date:
        month: datetime.date = self.cleaned_data["month"].replace(day=1)
        start = self.instance.referral.start
        if start is None:
            raise forms.ValidationError(_("Record the start of the enrolment first."))
        if month < start.replace(day=1):
            raise forms.ValidationError(_("This month lies before the start of the "
                                          "enrolment."))
        if Attendance.objects.filter(referral=self.instance.referral, month=month).exclude(
                pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This month is already recorded."))
        return month


class AssessmentForm(_Base):
    class Meta:
        formfield_callback = _formfield
        model = Assessment
        fields = ["provider", "assessed_on", "assessor", "listening", "reading", "writing",
                  "speaking", "recommended_kind", "recommendation"]
        widgets = {"assessed_on": DATE, "recommendation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, municipality: Any, provider_id: int | None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["provider"]
        field.queryset = providers(municipality, provider_id)  # type: ignore[attr-defined]
        if provider_id is not None:
            field.initial = provider_id
            field.empty_label = None  # type: ignore[attr-defined]

    def clean_assessed_on(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["assessed_on"]
        if day > datetime.date.today():
            raise forms.ValidationError(_("An assessment cannot lie in the future."))
        return day


class CertificateForm(_Base):
    class Meta:
        formfield_callback = _formfield
        model = Certificate
        fields = ["kind", "level", "issued_on", "issuer"]
        widgets = {"issued_on": DATE}

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = providers(municipality)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("kind") in ("dtz", "language") and not data.get("level"):
            self.add_error("level", _("Enter the level the certificate attests."))
        return data


class ObligationForm(_Base):
    class Meta:
        formfield_callback = _formfield
        model = Obligation
        fields = ["office", "issued_on", "basis", "ended_on"]
        widgets = {"issued_on": DATE, "ended_on": DATE}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self._after(data, "ended_on", "issued_on", _("The end lies before the issue date."))
        return data


class CatalogueFilter(forms.Form):
    """The public catalogue's filter (GET)."""

    kind = forms.ChoiceField(label=_("Type"), required=False,
                             choices=[("", _("all types")), *CourseKind.choices])
    level = forms.ChoiceField(label=_("Level"), required=False,
                              choices=[("", _("all levels")), *Level.choices])
    area = forms.TypedChoiceField(label=_("District"), required=False, coerce=int,
                                  empty_value=None)
    childcare = forms.BooleanField(label=_("with childcare"), required=False)

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from kim.core.models import Area

        self.fields["area"].choices = [  # type: ignore[attr-defined]
            ("", _("all districts")),
            *Area.objects.filter(municipality=municipality).values_list("pk", "name")]
