"""What a German page must not show (issue 13 item 7), shared by the page crawl
(tests/conformance/test_german_pages.py) and the browser walk (tests/browser/test_walk.py).

The visible text of a page (tags, scripts, styles and ``<code>`` stripped) must not contain
- an ISO date (``2026-12-26``): dates go through Django's localisation;
- a ``snake_case`` token (``family_name_exact``): codes are labelled;
- an English msgid of the catalogue whose German differs and that is a sentence (three
  words or more): an untranslated string.
The form controls' values (e.g. ``<input type="date" value="2026-12-02">``) are
attributes and not visible text, so they do not count. Data that is in another language
by design (an English welcome page's text in the audit log) is marked ``translate="no"``
and exempt from the English check only.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from functools import cache
from pathlib import Path

PO = Path(__file__).resolve().parents[1] / "kim/locale/de/LC_MESSAGES/django.po"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
NO_TRANSLATE = re.compile(r'<(\w+)\b[^>]*\btranslate="no"[^>]*>.*?</\1>', flags=re.S)


@cache
def english_sentences() -> frozenset[str]:
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
    return frozenset(found)


def visible_text(page: str) -> str:
    # <code> holds what users type (import column names, permission names): not prose
    page = re.sub(r"<(script|style|code)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(page))


def page_problems(page: str, allowed: Collection[str] = ()) -> list[str]:
    """The problems of one HTML page: dates and codes anywhere in its visible text,
    untranslated sentences outside ``translate="no"`` data."""
    text = visible_text(page)
    found = problems(text, (), allowed)
    prose = visible_text(NO_TRANSLATE.sub(" ", page))
    return found + problems(prose, allowed=allowed, dates_and_codes=False)


def problems(text: str, english: Collection[str] | None = None,
             allowed: Collection[str] = (), *, dates_and_codes: bool = True) -> list[str]:
    """ISO dates, codes (other than ``allowed``) and untranslated sentences in ``text``."""
    english = english_sentences() if english is None else english
    found = []
    if dates_and_codes:
        found += [f"ISO date {m}" for m in ISO_DATE.findall(text)]
        found += [f"code {m}" for m in SNAKE.findall(text) if m not in allowed]
    found += [f"English “{s}”" for s in english if s in text]
    return found
