"""Hardening that applies to every request: a size limit checked before the body is read,
``Cache-Control: no-store`` on everything a logged-in user sees, and private file modes
for the SQLite database (docs/architecture.md "Accounts and hardening")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from kim.settings.env import private_file

Handler = Callable[[HttpRequest], HttpResponse]

TOO_LARGE_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Anfrage zu groß – Request too large</title>
</head><body><main>
<h1>Die Anfrage ist zu groß</h1>
<p>kim nimmt höchstens {mb} MB auf einmal an. Bitte laden Sie eine kleinere Datei hoch.</p>
<h2 lang="en">Request too large</h2>
<p lang="en">kim accepts at most {mb} MB at once. Please upload a smaller file.</p>
<p><a href="/">kim</a></p>
</main></body></html>"""


def too_large(limit: int) -> HttpResponse:
    """413 with a German/English page; the body was never read."""
    mb = max(1, limit // (1024 * 1024))
    response = HttpResponse(TOO_LARGE_PAGE.format(mb=mb), status=413)
    # The connection still carries the unread body: make the server close it.
    response["Connection"] = "close"
    return response


def declared_length(request: HttpRequest) -> int | None:
    """The Content-Length the client declared; None when absent or not a number (Django
    then reads no body at all, so nothing unbounded is read either)."""
    raw = request.META.get("CONTENT_LENGTH") or ""
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if value >= 0 else None


class RequestSizeLimitMiddleware:
    """Refuses a request whose declared body is larger than ``MAX_REQUEST_BYTES`` (413)
    before anything reads it, and a POST to a view marked with :func:`upload_limit` that
    declares more than the view takes. It runs before the CSRF check, which would
    otherwise read the whole body. Django reads at most Content-Length bytes, so the
    header bounds what is read."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = declared_length(request)
        limit: int = settings.MAX_REQUEST_BYTES
        if length is not None and length > limit:
            return too_large(limit)
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Any, args: Any,
                     kwargs: Any) -> HttpResponse | None:
        limit = getattr(view, "kim_upload_limit", None)
        length = declared_length(request)
        if (limit is not None and request.method == "POST" and length is not None
                and length > limit + FORM_ROOM):
            return too_large(limit)
        return None


FORM_ROOM = 64 * 1024  # the other fields of an upload form and the multipart framing

View = Callable[..., HttpResponse]


def upload_limit(limit: int) -> Callable[[View], View]:
    """Marks a view that takes a file of at most ``limit`` bytes: a larger POST is refused
    with 413 by :class:`RequestSizeLimitMiddleware` before the upload is read (the form's
    own size check stays, for a client that sends no Content-Length)."""

    def decorate(view: View) -> View:
        view.kim_upload_limit = limit  # type: ignore[attr-defined]
        return view

    return decorate


class NoStoreMiddleware:
    """``Cache-Control: no-store`` (and private, no-cache) on every response to a logged-in
    user: person pages and exports must not stay in a browser's or a proxy's cache on a
    shared office computer. Static files are served before this runs (WhiteNoise)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


def sqlite_private(sender: Any, connection: Any, **kwargs: Any) -> None:
    """``connection_created``: the SQLite database file and its WAL/shared-memory files are
    0600 (SQLite creates them with the process umask, usually 0644)."""
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    path = Path(name)
    for candidate in (path, Path(f"{name}-wal"), Path(f"{name}-shm")):
        private_file(candidate)
