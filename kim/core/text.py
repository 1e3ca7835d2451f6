"""Clean text that people type or import: one Unicode form, no invisible steering characters.

Names arrive from forms, CSV/XLSX files and the API, typed on German, Arabic or Cyrillic
keyboards or pasted from PDFs. Two invisible kinds of characters do harm there:

- bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) reverse
  the text around them in lists and PDFs ("Müller" shown as "rellüM");
- zero-width characters (U+200B, U+2060, U+FEFF, U+00AD) make two equal names differ,
  so duplicate detection and search miss them.

Both are removed, and the text is brought into NFC (a decomposed "u + ¨" and "ü" are the
same name). Zero-width (non-)joiners U+200C/U+200D are *kept* between two letters of a
script that needs them (Persian and other Arabic-script, Indic scripts: "می‌خواهم" is
spelled with one) and removed elsewhere (in Latin text they only hide differences).
"""

from __future__ import annotations

import re
import unicodedata

_REMOVE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff\u00ad]")
_JOINERS = "\u200c\u200d"


def _joins_letters(before: str, after: str) -> bool:
    """True when a joiner between ``before`` and ``after`` shapes a non-Latin script."""
    return all(char.isalpha() and not unicodedata.name(char, "").startswith("LATIN")
               for char in (before, after))


def clean_text(value: str) -> str:
    """``value`` in NFC without bidi controls and stray zero-width characters."""
    if not value:
        return value
    text = _REMOVE.sub("", unicodedata.normalize("NFC", value))
    if not any(joiner in text for joiner in _JOINERS):
        return text
    kept = []
    for i, char in enumerate(text):
        if char in _JOINERS and not (0 < i < len(text) - 1
                                     and _joins_letters(text[i - 1], text[i + 1])):
            continue
        kept.append(char)
    return "".join(kept)
