"""German first, English selectable; every string translated."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "kim" / "locale" / "de" / "LC_MESSAGES" / "django.po"


def _entries(text: str):
    """(msgid, msgstr-joined, fuzzy) of each entry of a .po file (header skipped)."""
    import re

    blocks = text.split("\n\n")
    for block in blocks:
        ids = re.findall(r'^msgid(?:_plural)? ((?:".*"\n?)+)', block, flags=re.M)
        strs = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block, flags=re.M)
        if not ids:
            continue
        msgid = "".join(re.findall(r'"(.*)"', ids[0]))
        if msgid == "":
            continue
        yield msgid, ["".join(re.findall(r'"(.*)"', s)) for s in strs], "#, fuzzy" in block


def test_german_catalogue_is_complete():
    untranslated = [m for m, strs, fuzzy in _entries(PO.read_text(encoding="utf-8"))
                    if fuzzy or not all(strs)]
    assert untranslated == []


def test_catalogue_covers_every_string_in_the_code(tmp_path):
    """makemessages on a copy finds no msgid that the committed catalogue lacks."""
    import shutil

    copy = tmp_path / "kim"
    shutil.copytree(ROOT / "kim", copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "de", "--no-obsolete",
         "--no-location"],
        cwd=copy, capture_output=True, text=True, timeout=300,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "kim.settings.test",
             "PYTHONPATH": str(ROOT), "KIM_DATA_DIR": str(tmp_path / "data")},
    )
    assert result.returncode == 0, result.stderr
    fresh = {m for m, _, _ in _entries(
        (copy / "locale/de/LC_MESSAGES/django.po").read_text(encoding="utf-8"))}
    committed = {m for m, _, _ in _entries(PO.read_text(encoding="utf-8"))}
    assert sorted(fresh - committed) == []


@pytest.mark.django_db
def test_german_is_default_and_english_selectable(client):
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="de">' in page and "Anmelden" in page
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in page and "Log in" in page


def test_dates_are_german(personas, soest):
    from kim.core.audit.writer import write

    write("read", model="core.role", object_repr="DATE-MARKER", municipality_id=soest.pk)
    page = personas["admin"].client().get("/soest/admin/audit/").content.decode()
    import re

    assert re.search(r"\d\d\.\d\d\.\d{4}", page)
