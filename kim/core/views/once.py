"""Idempotent form posts: every rendered POST form carries a one-time token
(``{% form_once %}``, field ``kim_once``); ``tenant_view`` runs a POST with a token at most
once.

The first POST with a token records it (a unique row) *before* the view runs. When the view
answers with a redirect – the form was saved – the row keeps that address; a second POST
with the same token (a double click, a resent request) does not run the view again but
is sent to the same address. If the first is still running (two requests in parallel),
the second waits for it. A view that shows the form again (errors) or fails releases the
token, so the corrected form can be sent. Works the same on SQLite and PostgreSQL: the
unique constraint decides which request is first.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from datetime import timedelta

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.core.models import FormSubmission

FIELD = "kim_once"
KEEP = timedelta(days=2)  # a rendered form older than this is sent without the guard
WAIT_SECONDS = 30.0
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


def new_token() -> str:
    return secrets.token_hex(16)


def _claim(token: str, user_id: int) -> FormSubmission | None:
    """Record the token; None if it was there already (a duplicate)."""
    now = timezone.now()
    FormSubmission.objects.filter(created_at__lt=now - KEEP).delete()
    try:
        with transaction.atomic():
            return FormSubmission.objects.create(token=token, user_id=user_id, created_at=now)
    except IntegrityError:
        return None


def _first_result(token: str, user_id: int) -> str | None:
    """The address the first submit redirected to, waiting while it still runs; None if
    it released the token meanwhile (then this request may run) or it belongs to
    someone else."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        row = FormSubmission.objects.filter(token=token).first()
        if row is None or row.user_id != user_id:
            return None
        if row.done:
            return row.location
        if time.monotonic() > deadline:
            return ""
        time.sleep(0.1)


def guarded(request: HttpRequest, run: Callable[[], HttpResponse]) -> HttpResponse:
    """Run the view ``run`` for a POST at most once per form token (see module doc)."""
    token = str(request.POST.get(FIELD, "")) if request.method == "POST" else ""
    if not _TOKEN.match(token) or not request.user.is_authenticated:
        return run()
    user_id = int(request.user.pk)
    row = _claim(token, user_id)
    while row is None:  # a duplicate
        location = _first_result(token, user_id)
        if location is None:
            row = _claim(token, user_id)  # released: this request runs after all
            continue
        messages.info(request, _("This form had already been sent; it was saved once."))
        return HttpResponseRedirect(location or request.get_full_path())
    try:
        response = run()
    except BaseException:
        FormSubmission.objects.filter(pk=row.pk).delete()
        raise
    if 300 <= response.status_code < 400 and response.has_header("Location"):
        FormSubmission.objects.filter(pk=row.pk).update(done=True,
                                                        location=response["Location"])
    else:
        FormSubmission.objects.filter(pk=row.pk).delete()
    return response
