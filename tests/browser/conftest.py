"""Playwright driving Debian's Chromium against pytest-django's live server."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KIM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic"]
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(_allow_orm_beside_playwright, django_db_setup):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session", autouse=True)
def _allow_orm_beside_playwright():
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests
    # make for their set-up (and the test database set-up) are still synchronous and safe.
    # Set for the browser session only: `kim check --deploy` rightly rejects it.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server):
    # bypass_csp only so that the test can inject axe-core; kim's own pages need no
    # exception (tests/core/test_settings.py checks the policy).
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="de-DE")
    page = context.new_page()
    yield page
    context.close()


def log_in(page, username, password):
    """Log in as a person would, with the second factor where kim asks for one: the code
    of the app (a confirmed device in the database), or setting the app up first from the
    key the page shows (then the recovery codes page is passed)."""
    page.goto("/accounts/login/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()
    if page.url.endswith("/accounts/login/setup/"):
        secret = page.locator("code.secret").inner_text()
        page.get_by_label("Code aus der App").fill(code_from_secret(secret))
        page.get_by_role("button", name="Bestätigen und weiter").click()
        page.get_by_role("link", name="Ich habe die Codes aufbewahrt – weiter").click()
    elif page.url.endswith("/accounts/login/verify/"):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from tests.conftest import totp_code

        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        page.get_by_label("Code", exact=True).fill(totp_code(device))
        page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_load_state()


def code_from_secret(secret: str) -> str:
    """What an authenticator app shows for the key typed in by hand."""
    import base64
    import time

    from django_otp.oath import TOTP

    key = "".join(secret.split())
    key += "=" * (-len(key) % 8)
    totp = TOTP(base64.b32decode(key))
    totp.time = time.time()
    return f"{totp.token():06d}"


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})""")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
