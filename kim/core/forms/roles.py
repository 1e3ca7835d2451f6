from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.core.permissions.registry import registry


def permission_choices() -> list[tuple[str, str]]:
    # the label only: the technical name is on the role's page, for the command line
    return [(p.name, str(p.label)) for p in registry]


class RoleForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    permissions = forms.MultipleChoiceField(
        label=_("Permissions"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["permissions"].choices = permission_choices()  # type: ignore[attr-defined]
