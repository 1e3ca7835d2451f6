"""Command-line errors as one line with exit status 1 – also argparse's own (a missing
FILE, an unknown option), which Django would print with the usage text and status 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser


class OneLineParser(CommandParser):
    def error(self, message: str) -> NoReturn:
        if self.called_from_command_line:
            self.exit(1, f"CommandError: Error: {message}\n")
        raise CommandError(f"Error: {message}")


class OneLineCommand(BaseCommand):
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.__class__ = OneLineParser  # only ``error`` differs
        return parser

    @staticmethod
    def subcommands(parser: CommandParser) -> Any:
        """``add_subparsers`` whose parsers report errors in one line too."""
        return parser.add_subparsers(dest="action", required=True, parser_class=OneLineParser)


def read_input(file: str) -> bytes:
    """The bytes of FILE, or of standard input for ``-``."""
    if file == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(file).read_bytes()
    except OSError as err:
        raise CommandError(f"cannot read {file}: {err.strerror}") from None
