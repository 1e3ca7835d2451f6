"""German out of the box: an installed kim – built as a wheel and installed the way the
README's production section says – answers in German without gettext tools or
``compilemessages``; a checkout without compiled catalogues compiles them at start-up."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "kim.settings.test"
django.setup()
import kim
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
assert "site-packages" in kim.__file__ or "{target}" in kim.__file__, kim.__file__
page = Client().get("/accounts/login/").content.decode()
print("Anmelden" in page and '<html lang="de">' in page)
"""


def test_a_built_and_installed_kim_speaks_german(tmp_path):
    # Built from a copy: the build writes build/ and the catalogues next to the sources,
    # and the other test lane reads the same checkout at the same time.
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "build", "*.egg-info", "__pycache__", "artifacts",
        ".mypy_cache", ".ruff_cache", ".hypothesis",
        "data"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(tmp_path / "dist"), str(source)], check=True, timeout=300)
    (wheel,) = (tmp_path / "dist").glob("kim-*.whl")
    assert "kim/locale/de/LC_MESSAGES/django.mo" in zipfile.ZipFile(wheel).namelist()
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, timeout=300)
    assert not list((target / "kim").rglob("*.po.tmp"))
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(target=target)], capture_output=True, text=True,
        timeout=120, cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(target),
             "KIM_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_a_checkout_compiles_missing_catalogues_at_start_up(tmp_path):
    from kim.core.i18n import ensure_catalogues

    messages = tmp_path / "de" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "django.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Log in"\nmsgstr "Anmelden"\n', encoding="utf-8")
    assert ensure_catalogues(tmp_path) == [messages / "django.mo"]
    assert ensure_catalogues(tmp_path) == []  # current: nothing to do
    import gettext

    with (messages / "django.mo").open("rb") as mo:
        assert gettext.GNUTranslations(mo).gettext("Log in") == "Anmelden"
