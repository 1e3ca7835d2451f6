"""``python -m kim.rules evaluate FILE|-`` (same as ``kim rules evaluate``)."""

from __future__ import annotations

import io
import sys

from .cli import main


def _utf8(stream: object) -> None:
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8")


if __name__ == "__main__":
    for _stream in (sys.stdin, sys.stdout, sys.stderr):
        _utf8(_stream)
    sys.exit(main(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))
