from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kim.core.domain.roles import role_label
from kim.core.models import Municipality, Role, User


class RoleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Role) -> str:  # type: ignore[override]
        return role_label(obj)


class MemberForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    is_active = forms.BooleanField(label=_("Access active"), required=False, initial=True)
    roles = RoleChoiceField(label=_("Roles"), queryset=Role.objects.none(), required=False)

    def __init__(self, *args: Any, roles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["roles"].queryset = roles  # type: ignore[attr-defined]


class NewMemberForm(MemberForm):
    """A new account of this municipality. Its login name is ``NAME@<municipality>``:
    each town has a name space of its own, so the form can say "taken" without telling
    anything about accounts of other towns."""

    username = forms.RegexField(
        label=_("User name"),
        max_length=89,  # + "@" + a slug of at most 60: the 150 characters of a login name
        regex=r"^[\w.+-]+\Z",
        error_messages={"invalid": _("Use only letters, digits and ./+/-/_.")},
    )
    password = forms.CharField(
        label=_("Initial password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html,
    )

    field_order = ["username", "first_name", "last_name", "email", "password", "roles"]

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["is_active"]
        self.suffix = f"@{municipality.slug}"
        self.fields["username"].help_text = format_lazy(
            _("Letters, digits and ./+/-/_ only. The login name is the user name followed "
              "by {suffix}, e.g. m.weber{suffix}."), suffix=self.suffix)

    def clean_username(self) -> str:
        username = f"{self.cleaned_data['username']}{self.suffix}"
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This user name is already taken in this "
                                          "municipality."))
        return username


class PasswordResetForm(forms.Form):
    password = forms.CharField(
        label=_("New one-time password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("The user must choose a new password after logging in with it."),
    )


class UserFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or user name"), required=False, max_length=150)
    role = forms.ModelChoiceField(label=_("Role"), queryset=Role.objects.none(),
                                  required=False, empty_label=_("all"))

    def __init__(self, *args: Any, roles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["role"]
        field.queryset = roles  # type: ignore[attr-defined]
        field.label_from_instance = role_label  # type: ignore[attr-defined]
