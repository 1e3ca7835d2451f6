"""German pages show no English and no raw codes (issue 13 item 7).

Every default role walks its municipality from the start page, following the links of
each page (same municipality, GET, no downloads), on the conformance world. What counts
as English or a raw code is tests/german_text.py, shared with the browser walk
(tests/browser/test_walk.py).
"""

from __future__ import annotations

import html
import re
from collections import deque

import pytest

from tests.german_text import english_sentences, page_problems, problems

ROLES = ("caseworker", "benefits", "housing", "coordinator", "school_office", "steering",
         "admin", "provider", "volunteer_coordinator")
MAX_PAGES = 60  # per role: every section, its lists and the first objects
HREF = re.compile(r'href="(/soest/[^"#]*)"')
SKIP = re.compile(r"format=|/export|/access-export/|/download|\.pdf|/documents/\d+/")


def crawl(client) -> dict[str, list[str]]:
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
        # the test users are called after their roles ("school_office-soest")
        found = page_problems(page, allowed=ROLES)
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


def test_data_in_another_language_is_exempt_from_the_english_check_only():
    sample = next(iter(sorted(english_sentences())))
    page = (f'<p>Text: <span translate="no">{sample} 2026-12-26</span></p>'
            f'<p>{sample}</p>')
    assert page_problems(page) == ["ISO date 2026-12-26", f"English “{sample}”"]
    assert page_problems(f'<p><span translate="no">{sample}</span></p>') == []
