from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_MB = 20


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"),
                           help_text=_("One row per person; the first row holds the column "
                                       "names in English or German."))
    dry_run = forms.BooleanField(label=_("Only check, do not import"), required=False,
                                 initial=True)

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Please choose a .csv or .xlsx file."))
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_MB})
        return upload
