"""German pages show no English and no raw codes (issue 13 item 7).

Every default role walks its municipality from the start page, following the links of
each page (same municipality, GET, no downloads), on the conformance world. The visible
text of every page (tags, scripts and styles stripped) must not contain
- an ISO date (``2026-12-26``): dates go through Django's localisation;
- a ``snake_case`` token (``family_name_exact``): codes are labelled;
- an English msgid of the catalogue whose German differs and that is a sentence (three
  words or more): an untranslated string.
The form controls' values (e.g. ``<input type="date" value="2026-12-02">``) are
attributes and not visible text, so they do not count.
"""

from __future__ import annotations

import html
import re
from collections import deque
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "kim/locale/de/LC_MESSAGES/django.po"
ROLES = ("caseworker", "benefits", "housing", "coordinator", "school_office", "steering",
         "admin", "provider", "volunteer_coordinator")
MAX_PAGES = 60  # per role: every section, its lists and the first objects
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
HREF = re.compile(r'href="(/soest/[^"#]*)"')
SKIP = re.compile(r"format=|/export|/access-export/|/download|\.pdf|/documents/\d+/")


def english_sentences() -> set[str]:
    """msgids of three words or more that German translates differently."""
    found = set()
    text = PO.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        ids = re.findall(r'^msgid ((?:".*"\n?)+)', block, flags=re.M)
        strs = re.findall(r'^msgstr ((?:".*"\n?)+)', block, flags=re.M)
        if not ids or not strs or "msgid_plural" in block or "#, fuzzy" in block:
            continue
        msgid = "".join(re.findall(r'"(.*)"', ids[0])).replace('\\"', '"')
        msgstr = "".join(re.findall(r'"(.*)"', strs[0])).replace('\\"', '"')
        if msgstr and msgid != msgstr and len(msgid.split()) >= 3 and "%" not in msgid \
                and "{" not in msgid and "<" not in msgid:
            found.add(msgid)
    return found


def visible_text(page: str) -> str:
    # <code> holds what users type (import column names, permission names): not prose
    page = re.sub(r"<(script|style|code)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(page))


def problems(text: str, english: set[str]) -> list[str]:
    found = [f"ISO date {m}" for m in ISO_DATE.findall(text)]
    # the test users are called after their roles ("school_office-soest")
    found += [f"code {m}" for m in SNAKE.findall(text) if m not in ROLES]
    found += [f"English “{s}”" for s in english if s in text]
    return found


def crawl(client) -> dict[str, list[str]]:
    english = english_sentences()
    seen: set[str] = set()
    queue = deque(["/soest/"])
    report: dict[str, list[str]] = {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        found = problems(visible_text(page), english)
        if found:
            report[url] = sorted(set(found))
        for link in HREF.findall(page):
            link = html.unescape(link)
            if not SKIP.search(link) and link not in seen:
                queue.append(link)
    return report


@pytest.mark.parametrize("role", ROLES)
def test_german_pages_show_no_english_and_no_codes(personas, world, role):
    report = crawl(personas[role].client())
    assert report == {}, "\n".join(f"{url}: {', '.join(items)}"
                                   for url, items in report.items())


def test_the_check_finds_what_it_looks_for():
    english = english_sentences()
    assert "You are not responsible for any household yet." not in english  # % / long ids
    sample = next(iter(sorted(english)))
    assert problems(f"Frist ab 2026-12-26 für family_name_exact. {sample}", english) == [
        "ISO date 2026-12-26", "code family_name_exact", f"English “{sample}”"]
    assert problems("Frist ab 26.12.2026 für den Familiennamen.", english) == []
