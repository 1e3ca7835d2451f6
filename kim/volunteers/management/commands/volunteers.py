"""``kim volunteers match FILE [--format json|text] [--as-of YYYY-MM-DD]`` (issue 14 item 3).

All argument handling is in the pure ``kim.volunteers.matching.cli``, so that usage errors,
too, are one line ``error: ...`` with exit status 1 (Django's parser would print a usage
block and exit 2). No database is touched.
"""

import argparse
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Optimal volunteer-request matching of a JSON file: "
        "match FILE [--format json|text] [--as-of YYYY-MM-DD]."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "args",
            nargs=argparse.REMAINDER,
            metavar="match FILE [--format json|text] [--as-of YYYY-MM-DD]",
        )

    def run_from_argv(self, argv: list[str]) -> None:
        # argv = [program, "volunteers", ...]: skip Django's option parsing (see above).
        self._run(argv[2:])

    def handle(self, *args: Any, **options: Any) -> None:
        self._run([str(arg) for arg in args])

    def _run(self, argv: list[str]) -> None:
        from kim.volunteers.matching import cli

        code, out, err = cli.main(
            argv, today=timezone.localdate(), read_stdin=sys.stdin.buffer.read
        )
        if out:
            self.stdout.write(out, ending="")
        if err:
            self.stderr.write(err, style_func=str, ending="")
        if code:
            sys.exit(code)
