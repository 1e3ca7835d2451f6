from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kim.casework.domain.documents import MAX_SIZE, check_upload
from kim.casework.models import Document


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Document.Kind.choices)
    file = forms.FileField(
        label=_("File"), max_length=200,
        help_text=format_lazy(_("PDF, JPG or PNG, at most {limit} MB."),
                              limit=MAX_SIZE // (1024 * 1024)),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        check_upload(upload)
        return upload
