"""The operator's form for a new municipality and its first administrator."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _


class NewMunicipalityForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200,
                           help_text=_("As the municipality calls itself, e.g. Stadt Soest."))
    slug = forms.SlugField(label=_("Short name"), max_length=60,
                           help_text=_("Lower-case letters, digits and hyphens; the first "
                                       "part of every address, e.g. soest."))
    ags = forms.RegexField(label=_("Official municipality key (AGS)"), regex=r"^\d{8}\Z",
                           error_messages={"invalid": _("The AGS has exactly 8 digits.")},
                           help_text=_("8 digits; the first two are the Land, e.g. 05974040."))
    admin_username = forms.RegexField(
        label=_("User name of the first administrator"), max_length=89, regex=r"^[\w.+-]+\Z",
        error_messages={"invalid": _("Use only letters, digits and ./+/-/_.")},
        help_text=_("The login name is the user name followed by @ and the short name."))
    admin_first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    admin_last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    admin_email = forms.EmailField(label=_("E-mail"), required=False)
    admin_password = forms.CharField(
        label=_("Initial password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html)

    def clean_slug(self) -> str:
        return str(self.cleaned_data["slug"]).lower()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("admin_username") and data.get("slug"):
            data["admin_username"] = f"{data['admin_username']}@{data['slug']}"
        return data
