"""The content languages of the welcome folder: which exist, their script and direction.

Pure data (no Django): the pages, the folder PDF and the demo read it. Codes are ISO 639-1
where one exists, else ISO 639-3 (Kurmanji ``kmr``). ``digits``: the digits the
language's readers expect in dates and numbers (Persian and Pashto write
Extended Arabic-Indic digits, Arabic texts for readers from Syria and Iraq Arabic-Indic).
"""

from __future__ import annotations

from dataclasses import dataclass

SOURCE = "de"


@dataclass(frozen=True)
class Language:
    code: str
    native: str  # the language's own name, as the reader recognises it
    rtl: bool = False
    script: str = "Latn"
    digits: str = "0123456789"


ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
EXTENDED_ARABIC_INDIC = "۰۱۲۳۴۵۶۷۸۹"

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (
    Language("de", "Deutsch"),
    Language("en", "English"),
    Language("ar", "العربية", rtl=True, script="Arab", digits=ARABIC_INDIC),
    Language("fa", "فارسی / دری", rtl=True, script="Arab", digits=EXTENDED_ARABIC_INDIC),
    Language("ps", "پښتو", rtl=True, script="Arab", digits=EXTENDED_ARABIC_INDIC),
    Language("ti", "ትግርኛ", script="Ethi"),
    Language("uk", "Українська", script="Cyrl"),
    Language("ru", "Русский", script="Cyrl"),
    Language("tr", "Türkçe"),
    Language("kmr", "Kurmancî"),
    Language("so", "Soomaali"),
)}

TRANSLATION_LANGUAGES = [code for code in LANGUAGES if code != SOURCE]


def get(code: str) -> Language:
    """The language ``code``, German for an unknown one (a stale link keeps working)."""
    return LANGUAGES.get(code, LANGUAGES[SOURCE])


def local_digits(text: str, code: str) -> str:
    """``text`` with its Western digits written the way readers of ``code`` expect."""
    digits = get(code).digits
    if digits == "0123456789":
        return text
    return text.translate(str.maketrans("0123456789", digits))
