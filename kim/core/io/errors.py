"""Errors of data coming in: which row, which column, why – translatable, Django-free.

A message is an English msgid with ``%(name)s`` placeholders, marked with
:func:`gettext_noop` so ``makemessages`` finds it; :meth:`CellError.text` translates it
with the caller's ``gettext`` (the web UI) or leaves it English (commands run without an
active language). Rows are numbered as a spreadsheet shows them: the header is row 1, row
0 is the file as a whole.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

SHOWN_ERRORS = 20  # in the one-line message of InputError; ``errors`` keeps them all


def gettext_noop(message: str) -> str:
    """Mark a msgid for extraction; translated later, when shown."""
    return message


def _identity(message: str) -> str:
    return message


@dataclass(frozen=True)
class CellError:
    row: int  # 0: the file as a whole; 1: the header row
    column: str  # the header as given in the file ("" when no single column is meant)
    message: str  # English msgid with %(name)s placeholders
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, translate: Callable[[str], str] = _identity) -> str:
        """The reason, translated by ``translate`` (e.g. Django's ``gettext``)."""
        template = translate(self.message)
        return template % dict(self.params) if self.params else template

    @property
    def translated(self) -> str:
        """The reason in the active language (for templates)."""
        translation = importlib.import_module("django.utils.translation")
        return self.text(translation.gettext)

    @property
    def where(self) -> str:
        """English position, for command output: ``row 5, column Nachname``."""
        where = f"row {self.row}" if self.row else "file"
        return f"{where}, column {self.column}" if self.column else where

    def __str__(self) -> str:
        return f"{self.where}: {self.text()}"


class InputError(ValueError):
    """The input cannot be used; ``errors`` says why, row by row (first 20 in the message)."""

    def __init__(self, errors: Sequence[CellError]) -> None:
        self.errors = list(errors)
        text = "; ".join(str(e) for e in self.errors[:SHOWN_ERRORS])
        if len(self.errors) > SHOWN_ERRORS:
            text += f"; … and {len(self.errors) - SHOWN_ERRORS} more problems"
        super().__init__(text)


def file_error(message: str, **params: Any) -> InputError:
    """An error of the file as a whole (row 0)."""
    return InputError([CellError(0, "", message, params)])


class CellProblem(ValueError):
    """Raised by a cell parser: what is wrong with the value (msgid + parameters)."""

    def __init__(self, message: str, **params: Any) -> None:
        self.message, self.params = message, params
        super().__init__(message % params if params else message)
