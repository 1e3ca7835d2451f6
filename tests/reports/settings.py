"""Test-only settings until kim.reports is wired into kim/settings (delete when wired).

Only kim.core and kim.reports of the kim apps are installed, so these tests do not depend
on other apps that are being built at the same time.
"""

from kim.settings.test import *  # noqa: F403
from kim.settings.test import INSTALLED_APPS

INSTALLED_APPS = [
    *(app for app in INSTALLED_APPS if not app.startswith("kim.") or app == "kim.core"),
    "kim.reports",
]
ROOT_URLCONF = "tests.reports.urls"
