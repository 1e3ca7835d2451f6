"""A working day, checked as a person would (issue 13 item 13).

Every demo login walks its start page and its main task pages in German, at desktop
(1366×900) and phone width (390×844), in Chromium on one demo database (``kim demo``,
built once for the module in a temporary data directory and served by ``kim runserver``).
Each page must load, pass axe, show no ISO date, code or untranslated sentence
(tests/german_text.py, shared with the page crawl) and, at 390 px, not overflow
horizontally outside scroll regions (the check of scripts/screenshots.py). Every
screenshot is saved as ``$KIM_ARTIFACTS/screenshots/<user>-<page>-<width>.png``
(default ``artifacts/`` in the repository, git-ignored; CI keeps the folder).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

import pytest

from tests.browser.conftest import axe_violations, log_in
from tests.german_text import page_problems

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
ARTIFACTS = Path(os.environ.get("KIM_ARTIFACTS") or ROOT / "artifacts")
WIDTHS = {1366: 900, 390: 844}
TOWN = "/soest-demo/"

# demo user -> (page name, path below the town or absolute, link to follow from there)
WALKS: dict[str, list[tuple[str, str, str | None]]] = {
    "fallarbeit": [("start", "", None), ("casework", "casework/", None),
                   ("deadlines", "persons/deadlines/", None),
                   ("case", "casework/", r"/casework/\D*\d+/$"),
                   ("person", "persons/", r"^/soest-demo/persons/\d+/$")],
    "leistung": [("start", "", None), ("deadlines", "persons/deadlines/", None),
                 ("persons", "persons/", None)],
    "unterkunft": [("start", "", None), ("housing", "housing/", None)],
    "koordination": [("start", "", None), ("monitoring", "monitoring/", None),
                     ("plan", "plan/", None)],
    "schule": [("start", "", None), ("children", "persons/children/", None)],
    "traeger": [("start", "", None), ("courses", "education/courses/", None),
                ("fund", "fund/mine/", None)],
    "ehrenamt": [("start", "", None), ("volunteers", "volunteers/", None)],
    "steuerung": [("start", "", None), ("monitoring", "monitoring/", None),
                  ("reports", "reports/", None)],
    "admin": [("start", "", None), ("users", "admin/users/", None),
              ("audit", "admin/audit/", None)],
    "betrieb": [("start", "/", None)],
}


def _overflow_check() -> str:
    """The 390 px overflow check of scripts/screenshots.py (one definition)."""
    spec = importlib.util.spec_from_file_location("kim_screenshots",
                                                  ROOT / "scripts" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.OVERFLOW)


OVERFLOW = _overflow_check()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def demo_server():
    """``kim demo`` in a fresh data directory, served on a free port (SQLite, German)."""
    data = tempfile.mkdtemp(prefix="kim-walk-")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(KIM_DATA_DIR=data, KIM_DEBUG="1", DJANGO_SETTINGS_MODULE="kim.settings")
    subprocess.run([str(BIN / "kim"), "demo", "--no-server"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{_free_port()}"
    server = subprocess.Popen([str(BIN / "kim"), "runserver", base.split("//")[1],
                               "--noreload"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(150):
            try:
                with urlopen(f"{base}/accounts/login/", timeout=2):  # noqa: S310 (local)
                    break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(data, ignore_errors=True)


def _check(page, shot: Path, width: int) -> list[str]:
    page.screenshot(path=str(shot), full_page=True)
    found = [f"axe {v['id']} {v['nodes']}" for v in axe_violations(page)]
    found += page_problems(page.content())
    if width == 390 and (wide := page.evaluate(OVERFLOW)):
        found.append(f"overflows at 390 px: {wide}")
    return found


@pytest.mark.parametrize("user", list(WALKS))
def test_every_role_walks_its_day_in_german(browser, demo_server, user):
    from kim.core.demo import DEMO_PASSWORD

    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(base_url=demo_server, locale="de-DE", bypass_csp=True,
                                  viewport={"width": 1366, "height": 900})
    page = context.new_page()
    report: list[str] = []
    try:
        log_in(page, user, DEMO_PASSWORD)
        for name, path, follow in WALKS[user]:
            url = path if path.startswith("/") else TOWN + path
            if follow:
                page.goto(url)
                link = page.locator("main a[href]").evaluate_all(
                    "(links, re) => links.map(a => a.getAttribute('href'))"
                    ".find(h => new RegExp(re).test(h))", follow)
                assert link, f"{user}: no link like {follow} on {url}"
                url = link
            for width, height in WIDTHS.items():
                page.set_viewport_size({"width": width, "height": height})
                response = page.goto(url)
                status = response.status if response else 0
                if status != 200:
                    report.append(f"{name} ({url}) at {width}: HTTP {status}")
                    continue
                shot = shots / f"{user}-{name}-{width}.png"
                found = dict.fromkeys(_check(page, shot, width))  # once each, in order
                report += [f"{name} ({url}) at {width}: {p}" for p in found]
    finally:
        context.close()
    assert report == [], "\n".join(report)


def test_the_walk_covers_every_demo_login():
    from kim.core import demo

    assert {login.username for login in demo.logins()
            if login.municipality == TOWN.strip("/")} | {"betrieb"} == set(WALKS)
    assert re.fullmatch(r"\(\) => \{.*overflowX.*\}", OVERFLOW, flags=re.S)
