"""``kim monitoring segregation FILE`` and ``kim monitoring check-table FILE`` (issue 12
items 3 and 4): JSON on standard output, one-line errors naming row and column."""

from collections.abc import Callable
from typing import Any

from django.core.management.base import CommandError, CommandParser

from kim.core.management.oneline import OneLineCommand, read_input
from kim.stats import cli

ACTIONS: dict[str, Callable[[bytes], object]] = {
    "segregation": cli.segregation_indices,
    "check-table": cli.check_table,
}


class Command(OneLineCommand):
    help = "Integration monitoring figures from CSV files (segregation, table checks)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = self.subcommands(parser)
        for name, text in (("segregation", "CSV unit,minority,total -> dissimilarity, "
                                            "isolation and exposure indices"),
                           ("check-table", "CSV table with a total row and/or column -> "
                                           "rows and columns that do not add up")):
            command = sub.add_parser(name, help=text)
            command.add_argument("file", help="CSV file, or - for standard input")
            command.add_argument("--format", dest="fmt", default="json", help="json")

    def handle(self, *args: Any, action: str, file: str, fmt: str, **options: Any) -> None:
        try:
            cli.check_format(fmt, ("json",))
            result = ACTIONS[action](read_input(file))
        except cli.InputError as err:
            raise CommandError(str(err)) from None
        self.stdout.write(cli.render_json(result), ending="")
