"""Helpers shared by the case-work views."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render


def case_redirect(municipality: str, person_id: int, anchor: str = "") -> HttpResponse:
    response = redirect("casework:case", municipality=municipality, pk=person_id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def form_page(request: HttpRequest, form: Any, *, title: Any, cancel_url: str,
              multipart: bool = False, intro: Any = "") -> HttpResponse:
    return render(request, "casework/form.html", {
        "form": form, "title": title, "cancel_url": cancel_url, "multipart": multipart,
        "intro": intro})
