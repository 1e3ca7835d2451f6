"""HTML to PDF with WeasyPrint that loads nothing from outside.

WeasyPrint's default URL fetcher follows any URL in the HTML – http(s), ftp, file – so
a report whose HTML ever carried a crafted reference would make the server fetch it
(server-side request forgery) or embed a local file. kim's PDFs need only their own
inline styles, ``data:`` URIs and kim's static files; everything else is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

STATIC_PREFIX = "kim-static:"  # write {{ "core/x.png" }} as kim-static:core/x.png


def static_file(url: str) -> Path | None:
    """The file behind ``kim-static:PATH`` (found like ``{% static %}`` finds it), or
    None. ``..`` cannot leave the static directories: the finders resolve below them."""
    relative = unquote(url[len(STATIC_PREFIX):]).lstrip("/")
    if not relative or ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    if isinstance(found, list):
        found = found[0] if found else None
    if found is None and settings.STATIC_ROOT:
        candidate = Path(settings.STATIC_ROOT) / relative
        found = str(candidate) if candidate.is_file() else None
    return Path(found) if found else None


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalOnlyFetcher(URLFetcher):
        """data: URIs and kim's static files; any other URL raises (WeasyPrint then
        leaves the resource out and renders the rest)."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = urlsplit(url).scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if url.startswith(STATIC_PREFIX):
                path = static_file(url)
                if path is not None:
                    return URLFetcherResponse(url, path.read_bytes(),
                                              {"Content-Type": _content_type(path)})
            raise ValueError(f"kim loads nothing from outside: {url[:100]}")

    return LocalOnlyFetcher()


def _content_type(path: Path) -> str:
    import mimetypes

    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def html_to_pdf(html: str) -> bytes:
    """The PDF of ``html``; use this for every PDF kim makes."""
    from weasyprint import HTML  # heavy import, only when a PDF is wanted

    return HTML(string=html, url_fetcher=_fetcher()).write_pdf()
