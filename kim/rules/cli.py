"""``kim rules evaluate FILE|-``: facts JSON in, decisions JSON out (legal-rules.md §1).

Reads one facts object or a list of them and prints one decisions object or a list in the
same order. Any error prints one line ``error: ...`` to stderr and returns 2; for a list the
message names the item, e.g. ``error: facts[3].person.birth_date: ...``.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from .engine import evaluate
from .facts import FactsError

USAGE = "usage: kim rules evaluate FILE|-"


class _Failure(Exception):
    """A one-line error for the user."""


def _read(source: str, stdin: TextIO) -> Any:
    try:
        if source == "-":
            text = stdin.read()
        else:
            with open(source, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise _Failure(f"cannot read {source!r}: {exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Failure(f"invalid JSON: {exc}") from None


def _evaluate_all(data: Any) -> Any:
    if isinstance(data, list):
        results = []
        for index, item in enumerate(data):
            try:
                results.append(evaluate(item))
            except FactsError as exc:
                raise _Failure(exc.located(f"facts[{index}]")) from None
            except Exception as exc:  # a bug must still end in one line naming the item
                raise _Failure(f"facts[{index}]: internal error: {exc!r}") from exc
        return results
    if isinstance(data, dict):
        try:
            return evaluate(data)
        except FactsError as exc:
            raise _Failure(str(exc)) from None
        except Exception as exc:
            raise _Failure(f"internal error: {exc!r}") from exc
    raise _Failure("facts: expected an object or a list of objects")


def run(source: str, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Evaluate facts from ``source`` (a path or ``-`` for stdin); 0 on success, else 2."""
    try:
        result = _evaluate_all(_read(source, stdin))
    except _Failure as exc:
        message = " ".join(str(exc).split())  # exactly one line
        stderr.write(f"error: {message}\n")
        return 2
    stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
    stdout.write("\n")
    return 0


def main(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """``evaluate FILE|-`` argument handling for ``python -m kim.rules``."""
    if len(argv) != 2 or argv[0] != "evaluate":
        stderr.write(f"error: {USAGE}\n")
        return 2
    return run(argv[1], stdin, stdout, stderr)
