"""The upload form of the course and enrolment import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_MB = 20


class EducationImportForm(forms.Form):
    what = forms.ChoiceField(label=_("What the file holds"), choices=[
        ("courses", _("courses")), ("enrolments", _("referrals and enrolments"))])
    file = forms.FileField(label=_("File (CSV or XLSX)"),
                           help_text=_("The first row holds the column names in English or "
                                       "German."))
    dry_run = forms.BooleanField(label=_("Only check, do not import"), required=False,
                                 initial=True)

    def __init__(self, *args: Any, enrolments: bool = True, **kwargs: Any) -> None:
        """``enrolments``: the user may import referrals too (providers may not)."""
        super().__init__(*args, **kwargs)
        if not enrolments:
            self.fields["what"].choices = [("courses", _("courses"))]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Please choose a .csv or .xlsx file."))
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_MB})
        return upload
