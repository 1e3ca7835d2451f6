"""kim's password rules beyond Django's (settings ``AUTH_PASSWORD_VALIDATORS``).

Length ≥ 12 makes short common passwords impossible, so people pad them: "Sommer2026!!",
"P@ssw0rt1234", "aaaaaaaaaaaa". These validators look through that padding:

- ``CommonWordValidator``: the password, or its core (digits and signs around it
  removed, look-alike characters read as letters, umlauts spelt out), is a common
  password – Django's list of 20 000 or kim's German list (``wordlists/``);
- ``VarietyValidator``: fewer than 5 different characters, one short piece repeated, or
  a straight run of the alphabet or keyboard;
- ``DemoPasswordValidator``: the published demo password, outside demo mode.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Shared by all demo accounts (README); refused as a new password outside demo mode.
DEMO_PASSWORD = "kim-demo-2026!"

GERMAN_LIST = Path(__file__).resolve().parent.parent / "wordlists" / "common-passwords-de.txt"
MIN_DISTINCT = 5
MIN_CORE = 4  # shorter cores ("ab" of "ab1234567890") say nothing; Numeric/length catch those

_LOOKALIKE = str.maketrans({"@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o",
                            "$": "s", "5": "s", "7": "t", "+": "t"})
_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_PADDING = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_KEYBOARD = ("qwertzuiopü", "asdfghjklöä", "yxcvbnm", "qwertyuiop", "zxcvbnm",
             "abcdefghijklmnopqrstuvwxyz", "01234567890")


@cache
def german_passwords() -> frozenset[str]:
    lines = GERMAN_LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def django_passwords() -> frozenset[str]:
    return frozenset(CommonPasswordValidator().passwords)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().translate(_UMLAUT)


def candidates(password: str) -> set[str]:
    """The password as a list would spell it: whole, without padding, look-alikes read."""
    whole = _fold(password)
    core = _PADDING.sub("", whole)
    read = _PADDING.sub("", core.translate(_LOOKALIKE))
    return {c for c in (whole, core, read, re.sub(r"[\W_]", "", read)) if len(c) >= MIN_CORE}


class CommonWordValidator:
    def validate(self, password: str, user: Any = None) -> None:
        words = candidates(password)
        if words & german_passwords() or words & django_passwords():
            raise ValidationError(
                _("This password is a common password with a few digits or signs added. "
                  "Please choose one that is harder to guess, e.g. several unrelated "
                  "words."), code="password_common_word")

    def get_help_text(self) -> str:
        return _("Your password cannot be a common word or password, even with digits or "
                 "signs around it.")


def _repeats(text: str) -> bool:
    return re.fullmatch(r"(.+?)\1+", text, flags=re.DOTALL) is not None


def _straight_run(text: str) -> bool:
    """A run along the alphabet, the digits or a keyboard row (either way, wrapping)."""
    for row in map(_fold, _KEYBOARD):
        doubled = row * (len(text) // len(row) + 2)
        if text in doubled or text in doubled[::-1]:
            return True
    return False


class VarietyValidator:
    def validate(self, password: str, user: Any = None) -> None:
        folded = _fold(password)
        if len(set(folded)) < MIN_DISTINCT or _repeats(folded) or _straight_run(folded):
            raise ValidationError(
                _("This password has too little variety (repeated characters, a repeated "
                  "piece, or a run like abcdef or qwertz). Please choose another one."),
                code="password_low_variety")

    def get_help_text(self) -> str:
        return _("Your password must contain at least %(n)d different characters and no "
                 "repeated piece or run like abcdef.") % {"n": MIN_DISTINCT}


_demo_allowed: ContextVar[bool] = ContextVar("kim_demo_password_allowed", default=False)


@contextmanager
def allow_demo_password() -> Iterator[None]:
    """The demo loader creates the demo accounts with the published password."""
    token = _demo_allowed.set(True)
    try:
        yield
    finally:
        _demo_allowed.reset(token)


class DemoPasswordValidator:
    def validate(self, password: str, user: Any = None) -> None:
        if getattr(settings, "DEMO", False) or _demo_allowed.get():
            return
        if _fold(password) == _fold(DEMO_PASSWORD):
            raise ValidationError(
                _("This is the published password of the demo and cannot be used here."),
                code="password_demo")

    def get_help_text(self) -> str:
        return _("Your password cannot be the published demo password.")
