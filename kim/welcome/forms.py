"""Forms of the welcome folder: the German page, a translation, the folder's language."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from kim.welcome.languages import LANGUAGES
from kim.welcome.models import Page, Translation

with scopes_disabled():  # the parent's queryset is set per request, inside the scope
    class PageForm(forms.ModelForm):
        map_url = forms.URLField(label=_("map link"), required=False, assume_scheme="https",
                                 help_text=_("An https address, e.g. of OpenStreetMap."))

        class Meta:
            model = Page
            fields = ["title", "body", "parent", "slug", "kind", "order", "address",
                      "opening_hours", "phone", "email", "map_url", "published"]
            widgets = {"body": forms.Textarea(attrs={"rows": 12})}

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            parent = self.fields["parent"]
            queryset = Page.objects.filter(municipality=self.instance.municipality)
            if self.instance.pk:
                queryset = queryset.exclude(pk=self.instance.pk)
            parent.queryset = queryset  # type: ignore[attr-defined]
            parent.empty_label = _("– none (a main topic) –")  # type: ignore[attr-defined]

        def _post_clean(self) -> None:
            # The domain (save_page) validates and writes: the version must rise exactly
            # when the German text changes, which ModelForm's instance update would hide.
            pass


class TranslationForm(forms.ModelForm):
    class Meta:
        model = Translation
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}

    def _post_clean(self) -> None:
        pass


class FolderForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the folder"),
                                 choices=[(c, lang.native) for c, lang in LANGUAGES.items()])


class HouseholdForm(forms.Form):
    household = forms.CharField(label=_("Household reference or number"), max_length=64)
