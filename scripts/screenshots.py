"""Screenshots of kim as each demo role sees it, in German, at desktop and phone width.

    .venv/bin/python scripts/screenshots.py [--out DIR] [--data DIR] [--role NAME ...]
                                            [--path /soest-demo/... ...]

Loads the demo into a data directory (once; reused when it exists), starts kim on a free
local port, logs in as each demo user, opens the start page and every entry of the main
navigation (plus --path pages), and saves ``DIR/<user>/<page>-<width>.png``. Reports
pages that overflow horizontally at 390 px outside scroll regions. Exit status 1 when any
page failed to load or overflowed. Nothing here is part of the test suite's assertions;
it is the tool for looking at what we built (and a CI artifact).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic"]
WIDTHS = {1366: 900, 390: 844}
OVERFLOW = """() => {
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect();
    if (r.right <= window.innerWidth + 1) return false;
    for (let p = e; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (p !== e && (s.overflowX === 'auto' || s.overflowX === 'scroll')) return false;
    }
    return true;
  });
  return wide.slice(0, 3).map(e => e.tagName + (e.className ? '.' + e.className : ''));
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def demo_users() -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kim.settings.base")
    import django

    django.setup()
    from kim.core import demo

    return [(login.username, login.municipality) for login in demo.logins()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--data", default="/tmp/kim-screenshots-data")
    parser.add_argument("--role", action="append", default=[],
                        help="demo user name(s); default: all")
    parser.add_argument("--path", action="append", default=[],
                        help="extra page(s) to open for every user, e.g. /soest-demo/housing/")
    parser.add_argument("--no-nav", action="store_true", help="only the start page and --path")
    args = parser.parse_args()
    env = {**os.environ, "KIM_DATA_DIR": args.data, "KIM_DEBUG": "1"}
    if not (Path(args.data) / "kim.sqlite3").exists():
        subprocess.run([str(BIN / "kim"), "demo", "--no-server"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
    os.environ.update(env)
    users = [u for u in demo_users() if not args.role or u[0] in args.role]
    port = free_port()
    server = subprocess.Popen([str(BIN / "kim"), "runserver", f"127.0.0.1:{port}",
                               "--noreload"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urlopen(f"{base}/accounts/login/", timeout=2)  # noqa: S310 (local)
                break
            except OSError:
                time.sleep(0.2)
        return shoot(base, users, args)
    finally:
        server.terminate()
        server.wait(timeout=10)


def shoot(base: str, users: list[tuple[str, str]], args: argparse.Namespace) -> int:
    from playwright.sync_api import sync_playwright

    from kim.core.demo import DEMO_PASSWORD

    problems = []
    out = Path(args.out)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for username, town in users:
            context = browser.new_context(base_url=base, locale="de-DE",
                                          viewport={"width": 1366, "height": 900})
            page = context.new_page()
            page.goto("/accounts/login/")
            page.get_by_label("Benutzername").fill(username)
            page.get_by_label("Passwort").fill(DEMO_PASSWORD)
            page.get_by_role("button", name="Anmelden").click()
            page.wait_for_load_state()
            start = f"/{town}/"
            paths = [start]
            if not args.no_nav:
                page.goto(start)
                paths += [a.get_attribute("href") for a in
                          page.locator(".main-nav a").all() if a.get_attribute("href")]
            paths += [p.replace("/soest-demo/", f"/{town}/") for p in args.path]
            for path in dict.fromkeys(paths):
                name = re.sub(r"[^a-z0-9]+", "-", path.strip("/").lower()) or "home"
                for width, height in WIDTHS.items():
                    page.set_viewport_size({"width": width, "height": height})
                    response = page.goto(path)
                    status = response.status if response else 0
                    target = out / username / f"{name}-{width}.png"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(target), full_page=True)
                    if status >= 400:
                        problems.append(f"{username} {path}: HTTP {status}")
                    if width == 390 and (wide := page.evaluate(OVERFLOW)):
                        problems.append(f"{username} {path}: overflows at 390 px: {wide}")
            context.close()
        browser.close()
    print(f"screenshots in {out}")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
