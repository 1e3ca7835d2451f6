"""Hardening of issue 10 item 10: no-store caching, private file modes, the request size
limit before the body is read, locked dependencies, WeasyPrint without outside fetches."""

import datetime
import http.server
import io
import os
import re
import stat
import threading
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope

from kim.core.reports.builtin import USERS_BY_ROLE
from kim.core.reports.renderers import FORMATS
from kim.core.reports.service import Audience, produce
from tests.people.factories import PersonFactory

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- Cache-Control -----------------------------------------------------------------------
def test_person_pages_and_exports_are_not_kept_in_caches(personas, soest):
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest)
    client = personas["caseworker"].client()
    for url in (f"/soest/persons/{person.pk}/", "/soest/persons/?format=csv",
                "/soest/persons/?format=xlsx", f"/soest/casework/persons/{person.pk}/",
                "/soest/", "/accounts/security/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url


def test_public_and_static_responses_may_be_cached(client, soest):
    assert "Cache-Control" not in client.get("/soest/public/")


# -- file modes --------------------------------------------------------------------------
def test_data_directory_database_and_secret_key_are_private(migrated_data_dir):
    """`kim migrate` on a fresh data directory (the session's installed one, made with the
    usual umask 022): the directory is 0700, the SQLite file and the secret key 0600."""
    data = migrated_data_dir
    assert mode(data) == 0o700
    assert mode(data / "kim.sqlite3") == 0o600
    assert mode(data / "secret_key") == 0o600


def test_an_existing_open_data_directory_is_tightened(tmp_path):
    from kim.settings.env import private_directory, secret_key

    data = tmp_path / "old"
    data.mkdir(mode=0o755)
    (data / "secret_key").write_text("alt")
    os.chmod(data, 0o755)
    os.chmod(data / "secret_key", 0o644)
    private_directory(data)
    assert secret_key(data) == "alt"
    assert (mode(data), mode(data / "secret_key")) == (0o700, 0o600)


def test_uploaded_documents_are_private(personas, soest, settings, tmp_path):
    from kim.casework.domain.documents import store

    settings.MEDIA_ROOT = tmp_path / "documents"
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest)
        document = store(person, "asylbescheid",
                         SimpleUploadedFile("b.pdf", b"%PDF-1.4\n%%EOF\n"),
                         personas["caseworker"].user)
    path = Path(document.file.path)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert mode(settings.MEDIA_ROOT) == 0o700


# -- request size ------------------------------------------------------------------------
class Untouchable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def readable(self):
        return True

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = readinto = read


def test_a_too_large_request_is_refused_before_its_body_is_read(personas, settings):
    client = personas["caseworker"].client()
    response = client.generic("POST", "/soest/persons/new/", b"x", **{
        "CONTENT_LENGTH": str(settings.MAX_REQUEST_BYTES + 1), "wsgi.input": Untouchable(),
        "CONTENT_TYPE": "multipart/form-data; boundary=x"})
    assert response.status_code == 413
    page = response.content.decode()
    assert "Die Anfrage ist zu groß" in page and "Request too large" in page
    assert "höchstens 25 MB" in page


@pytest.mark.parametrize(("persona", "path", "mb"), [
    ("caseworker", "/soest/casework/persons/{pk}/documents/new/", 10),
    ("caseworker", "/soest/persons/import/", 20),
    ("housing", "/soest/quota/import/", 5),
])
def test_an_upload_over_its_limit_is_refused_before_it_is_read(personas, soest, persona,
                                                               path, mb):
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest)
    client = personas[persona].client()
    response = client.generic("POST", path.format(pk=person.pk), b"x", **{
        "CONTENT_LENGTH": str(mb * 1024 * 1024 + 200_000), "wsgi.input": Untouchable(),
        "CONTENT_TYPE": "multipart/form-data; boundary=x"})
    assert response.status_code == 413
    assert f"höchstens {mb} MB" in response.content.decode()


# -- dependencies ------------------------------------------------------------------------
TEST_TOOLS = {"pytest", "pytest-django", "pytest-timeout", "factory-boy", "hypothesis",
              "playwright", "ruff", "mypy", "faker"}


def _locked(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    blocks: list[list[str]] = []
    for line in lines:
        if line[0].isalnum():
            blocks.append([line])
        else:
            blocks[-1].append(line)
    pins = {}
    for block in blocks:
        name, version = re.match(r"([A-Za-z0-9._-]+)==(\S+)", block[0]).groups()
        assert any("--hash=sha256:" in line for line in block), name
        pins[name.lower()] = version
    return pins


def test_runtime_lock_has_hashes_and_no_test_tools():
    import tomllib

    runtime = _locked("requirements.lock")
    test = _locked("requirements-test.lock")
    assert not TEST_TOOLS & runtime.keys()
    assert TEST_TOOLS - {"faker"} <= test.keys()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement)[0].lower()
        assert name in runtime, name
        assert runtime[name] == test[name], name  # one version of each, everywhere
    makefile = (ROOT / "Makefile").read_text()
    assert "LOCK_INSTALL := pip install --quiet --disable-pip-version-check --require-hashes" \
        in makefile
    venv = makefile.split("$(BIN)/.installed:")[1].split("\n\n")[0]
    install = makefile.split("\ninstall:")[1].split("\n\n")[0]
    assert "$(LOCK_INSTALL) -r requirements-test.lock" in venv
    assert "$(LOCK_INSTALL) -r requirements.lock" in install
    assert "test" not in install and "--no-deps" in install  # production: runtime only
    assert "-e '.[test]'" not in makefile


# -- WeasyPrint --------------------------------------------------------------------------
@pytest.fixture
def outside_server():
    """A web server on this machine that records every request it gets."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_report_pdfs_fetch_nothing_from_outside(outside_server, personas, soest, settings,
                                                tmp_path):
    """A print template that references outside URLs (as crafted HTML would): the PDF is
    made, and nothing is fetched – no http, no local file."""
    base, hits = outside_server
    templates = tmp_path / "templates" / "reports"
    templates.mkdir(parents=True)
    (templates / "print.html").write_text(
        f'<html><head><link rel="stylesheet" href="{base}/style.css"></head><body>'
        f'<img src="{base}/pixel.png"><img src="file:///etc/hostname">'
        f'<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlE'
        f'QVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==">'
        f'<p>{{{{ result.report.title }}}}</p></body></html>', encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates"]}]
    with scope(municipality=soest):
        result = produce(USERS_BY_ROLE, soest, datetime.date(2026, 1, 31),
                         audience=Audience.DETAIL)
    pdf = FORMATS["pdf"].render(result)
    assert pdf.startswith(b"%PDF-")
    assert hits == []


def test_kim_static_files_and_data_uris_still_load():
    from kim.core.pdf import html_to_pdf, static_file

    assert static_file("kim-static:core/kim.css").name == "kim.css"
    assert static_file("kim-static:../settings/base.py") is None
    pdf = html_to_pdf('<link rel="stylesheet" href="kim-static:core/kim.css"><p>x</p>')
    assert pdf.startswith(b"%PDF-")
