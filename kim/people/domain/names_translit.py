"""Script tables for :mod:`kim.people.domain.names`: non-Latin scripts to plain Latin.

Pure stdlib. Cyrillic gets a full letter table (Russian, Ukrainian, Belarusian, Serbian);
Arabic script (Arabic, Persian, Pashto, Sorani Kurdish) gets a consonant-skeleton table
because short vowels are usually not written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Fixed 1:n letter mappings (lowercase only: to_latin() lowercases first).
_LATIN_SPECIALS: dict[str, str] = {
    # German umlauts/ß first (spec): Müller is registered as Mueller, never as Muller.
    "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
    # Letters NFKD does not decompose.
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ŋ": "n",
    # Turkish/Kurdish/Slavic háček letters stand for digraphs, not for the bare letter.
    "ç": "ch", "ş": "sh", "č": "ch", "š": "sh", "ž": "zh",
    # Scholarly (DMG) Arabic transliteration letters that NFKD would reduce to the wrong letter.
    "ḫ": "kh", "ẖ": "kh", "ġ": "gh", "ǧ": "j", "ṯ": "th", "ḏ": "dh",
    # Ayn/hamza marks and apostrophes carry no sound we can match on: drop them.
    "ʿ": "", "ʾ": "", "'": "", "`": "", "´": "", "ʼ": "", "ʻ": "", "’": "", "‘": "", "′": "",
}

_CYRILLIC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Ukrainian / Belarusian.
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    # Serbian / Macedonian.
    "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dzh", "ѓ": "gj", "ќ": "kj",
    "ѕ": "dz",
}
LATIN_TABLE = str.maketrans(_LATIN_SPECIALS | _CYRILLIC)

# Ukrainian has its own letters; where they occur, Г is [h] and И is [y] (Олег vs Ольга).
_UKRAINIAN_MARKERS = frozenset("іїєґ")
_UKRAINIAN_TABLE = str.maketrans({"г": "h", "и": "y"})

# Arabic-script consonants (Arabic + Persian + Pashto + Sorani additions).
_AR_CONSONANTS: dict[str, str] = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ک": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "ھ": "h", "ء": "", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g",
    "ټ": "t", "ډ": "d", "ړ": "r", "ږ": "zh", "ښ": "sh", "ځ": "dz", "څ": "ts", "ڼ": "n",
    "ڕ": "r", "ڵ": "l", "ڤ": "v",
}
# Letters that are (long) vowels; و/ي are consonants at word start or before a vowel.
_AR_VOWELS: dict[str, str] = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ى": "a", "ة": "a", "ۀ": "e",
    "ؤ": "u", "ئ": "i", "ې": "e", "ۍ": "ai", "ۆ": "o", "ێ": "e", "ە": "e",
}
_AR_GLIDES: dict[str, tuple[str, str]] = {
    "و": ("w", "u"), "ي": ("y", "i"), "ی": ("y", "i"), "ې": ("y", "e"),
}
# Harakat, when a clerk's keyboard wrote them, give us the real short vowels.
_AR_MARKS: dict[str, str] = {
    "\u064e": "a", "\u0650": "i", "\u064f": "u", "\u0652": "", "\u0651": "",
    "\u064b": "", "\u064c": "", "\u064d": "", "\u0670": "a",
}
# Unwritten short vowel: 'e' is what the distance model treats as "any vowel".
_UNWRITTEN_VOWEL = "e"

_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


def _arabic_word(word: str) -> str:
    """Transliterate one Arabic-script word to a Latin skeleton with neutral vowels."""
    prefix = ""
    if word.startswith("عبد") and len(word) > 3:  # عبد compounds: keep "abd" recognisable
        prefix, word = "abd ", word[3:]
    if word.startswith("ال") and len(word) > 3:  # article, written joined to the noun
        prefix, word = prefix + "al ", word[2:]
    out: list[str] = []
    last_consonant = False
    n = len(word)
    for i, ch in enumerate(word):
        nxt = word[i + 1] if i + 1 < n else ""
        if ch in _AR_MARKS:
            out.append(_AR_MARKS[ch])
            last_consonant = last_consonant and not _AR_MARKS[ch]
            continue
        if ch in _AR_GLIDES:
            consonant = i == 0 or nxt in _AR_VOWELS or nxt in "\u064e\u0650\u064f"
            latin = _AR_GLIDES[ch][0 if consonant else 1]
        elif ch in _AR_VOWELS:
            out.append(_AR_VOWELS[ch])
            last_consonant = False
            continue
        elif ch in _AR_CONSONANTS:
            consonant, latin = True, _AR_CONSONANTS[ch]
        else:  # tatweel, ZWNJ, unknown marks
            continue
        if consonant and last_consonant:
            out.append(_UNWRITTEN_VOWEL)
        out.append(latin)
        last_consonant = consonant
    return prefix + "".join(out)


@lru_cache(maxsize=4096)
def to_latin(text: str) -> str:
    """Map Cyrillic/Arabic-script letters and special Latin letters to plain Latin.

    Lowercases; strips diacritics (NFKD); letters of other scripts and non-letters are kept.
    """
    if not text.isascii():  # NFKC folds Arabic presentation forms, ligatures, NFD input
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    if _CYRILLIC_RE.search(text) and not _UKRAINIAN_MARKERS.isdisjoint(text):
        text = text.translate(_UKRAINIAN_TABLE)
    if _ARABIC_RE.search(text):
        text = " ".join(_arabic_word(w) if _ARABIC_RE.search(w) else w for w in text.split())
    text = text.translate(LATIN_TABLE)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text
