"""Helpers shared by the accommodation views."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from kim.core.forms.dates import date_param


def board_url(municipality: str, facility_id: int, anchor: str = "") -> str:
    url = reverse("housing:facility_board", kwargs={"municipality": municipality,
                                                    "pk": facility_id})
    return f"{url}#{anchor}" if anchor else url


def to_board(municipality: str, facility_id: int, anchor: str = "") -> HttpResponse:
    return redirect(board_url(municipality, facility_id, anchor))


def form_page(request: HttpRequest, form: Any, *, title: Any, cancel_url: str,
              intro: Any = "", extra: dict[str, Any] | None = None,
              template: str = "housing/form.html") -> HttpResponse:
    return render(request, template, {"form": form, "title": title, "cancel_url": cancel_url,
                                      "intro": intro, **(extra or {})})


def day_param(request: HttpRequest, name: str = "on") -> datetime.date:
    """A date from the query string, or today (a malformed or out-of-range value gives
    today, and the page says so)."""
    return date_param(request, name, timezone.localdate())


def add_errors(form: Any, exc: Any) -> None:
    """Put a domain ValidationError on the form: on the named field when the form has it
    (e.g. ``person``), otherwise at the top (e.g. ``place`` when the place is the page's)."""
    for name, messages in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)
