"""Searchable pickers instead of dropdowns of hundreds of households (issue 13).

A picker is a plain text field for the object's number – it works without script – that
kim/core/static/core/picker.js turns into an accessible combobox (ARIA 1.2 listbox
pattern) fed by a JSON endpoint of the same app. The endpoint is an ordinary
``tenant_view`` with the permission of the form that uses it, so it only ever lists what
the user may choose; the form validates the chosen number against the same scope (an
object of another municipality is "not found", a form error, never a 500)::

    field.widget = PickerInput()                      # in the form
    enable_picker(form["household"], tenant_url(request, "housing:waiting_households"))

    @tenant_view("housing.waiting:write", list_view=True)   # the endpoint
    def households(request):
        return picker_response(request, lambda text: search(request.municipality, text))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _

LIMIT = 20  # choices a search answers; more words narrow it
MIN_LENGTH = 2  # a single letter matches half the town


class PickerInput(forms.TextInput):
    """The number of the object; the script adds the search (``data-picker-*``)."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"autocomplete": "off", "data-picker-none": _("No match."),
                          "data-picker-one": _("One suggestion, choose it with the arrow "
                                               "keys."),
                          "data-picker-count": _("%(count)s suggestions, choose with the "
                                                 "arrow keys."),
                          **(attrs or {})})


def enable_picker(bound: forms.BoundField, url: str, label: str = "") -> None:
    """Point the picker of ``bound`` at its endpoint; ``label`` shows the current choice."""
    attrs = bound.field.widget.attrs
    attrs["data-picker-url"] = url
    if label:
        attrs["data-picker-label"] = label


def picker_response(request: HttpRequest,
                    search: Callable[[str], Iterable[tuple[int, str]]]) -> JsonResponse:
    """``{"results": [{"id": …, "label": …}]}`` for ``?q=`` – empty below MIN_LENGTH
    characters (a number of one digit is a search too)."""
    text = request.GET.get("q", "").strip()[:100]
    if len(text) < MIN_LENGTH and not text.isdigit():
        return JsonResponse({"results": []})
    results = [{"id": pk, "label": label} for pk, label in list(search(text))[:LIMIT]]
    return JsonResponse({"results": results})
