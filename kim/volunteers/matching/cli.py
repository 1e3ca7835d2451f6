"""``kim volunteers match FILE [--format json|text] [--as-of YYYY-MM-DD]`` (issue 14 item 3).

FILE (or ``-`` for standard input) is JSON ``{"volunteers": [...], "requests": [...]}``;
the output is ``{"matches": [{"request", "volunteer", "score", "reasons"}], "unmatched":
[{"request", "reasons"}]}`` with every request exactly once, in the order given. Each
reason is ``{"code", "params", "text"}`` (English text; the codes are the interface).

Any error – usage, unreadable file, invalid JSON, a bad element – gives exactly one line
``error: ...`` on standard error, exit status 1 and nothing on standard output. No
database: the Django command only passes the arguments, today's date and stdin.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from .inputs import InputError, decode, parse
from .solver import MatchingError, match
from .texts import render
from .types import Reason, Result

USAGE = "kim volunteers match FILE [--format json|text] [--as-of YYYY-MM-DD]"
FORMATS = ("json", "text")
HELP = f"""usage: {USAGE}

Optimal volunteer-request matching: as many requests as possible, then the best score.
FILE is JSON {{"volunteers": [...], "requests": [...]}}, or - for standard input.

  --format json|text   output format (default json)
  --as-of YYYY-MM-DD   day certificates of good conduct must be valid on (default today)
"""


class CliError(Exception):
    """A one-line error for the user."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(f"{message}; usage: {USAGE}")


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = _Parser(prog="kim volunteers", add_help=False)
    parser.add_argument("action")
    parser.add_argument("file")
    parser.add_argument("--format", dest="fmt", default="json")
    parser.add_argument("--as-of", dest="as_of")
    args = parser.parse_args(list(argv))
    # checked here, not with argparse choices: its wording changes between Python versions
    if args.action != "match":
        raise CliError(f"unknown command {args.action!r}; usage: {USAGE}")
    if args.fmt not in FORMATS:
        raise CliError(f"--format: must be json or text, got {args.fmt!r}")
    return args


def _day(text: str | None, today: date) -> date:
    if text is None:
        return today
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise CliError(f"--as-of: bad date {text!r}; expected YYYY-MM-DD")


def _read(file: str, read_stdin: Callable[[], bytes]) -> bytes:
    if file == "-":
        return read_stdin()
    try:
        return Path(file).read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {file}: {exc.strerror or exc}") from None


def _reason(reason: Reason) -> dict[str, Any]:
    return {"code": reason.code, "params": dict(reason.params), "text": render(reason)}


def as_json(result: Result) -> str:
    document = {
        "matches": [
            {
                "request": m.request_key,
                "volunteer": m.volunteer_key,
                "score": m.score,
                "reasons": [_reason(r) for r in m.reasons],
            }
            for m in result.matches
        ],
        "unmatched": [
            {"request": u.request_key, "reasons": [_reason(r) for r in u.reasons]}
            for u in result.unmatched
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_text(result: Result, order: Sequence[Any]) -> str:
    """One block per request in the order given, then a summary line."""
    matches = {m.request_key: m for m in result.matches}
    unmatched = {u.request_key: u for u in result.unmatched}
    lines: list[str] = []
    for key in order:
        if key in matches:
            m = matches[key]
            lines.append(f"request {key}: volunteer {m.volunteer_key} (score {m.score})")
            reasons = m.reasons
        else:
            lines.append(f"request {key}: no volunteer")
            reasons = unmatched[key].reasons
        lines += [f"  - {render(r)}" for r in reasons]
    total = len(result.matches) + len(result.unmatched)
    lines.append(f"matched {len(result.matches)} of {total} requests, total score {result.score}")
    return "\n".join(lines) + "\n"


def _one_line(message: str) -> str:
    return "error: " + " ".join(message.split()) + "\n"


def main(
    argv: Sequence[str], *, today: date, read_stdin: Callable[[], bytes]
) -> tuple[int, str, str]:
    """Run the command; returns (exit status, standard output, standard error)."""
    if any(arg in ("-h", "--help") for arg in argv):
        return 0, HELP, ""
    try:
        args = _arguments(argv)
        day = _day(args.as_of, today)
        volunteers, requests = parse(decode(_read(args.file, read_stdin), args.file))
        result = match(volunteers, requests, on=day)
    except (CliError, InputError, MatchingError) as exc:
        return 1, "", _one_line(str(exc))
    except Exception as exc:  # a bug must still end in one line, not a traceback
        return 1, "", _one_line(f"internal error: {exc!r}")
    if args.fmt == "text":
        return 0, as_text(result, [r.key for r in requests]), ""
    return 0, as_json(result), ""
