"""``kim disclosure protect FILE [--format json|csv]`` (issue 12 item 5): a count table
(CSV, first column row labels, no totals) with totals added and disclosure control
applied – kim.stats.disclosure, the same method as every aggregate report."""

from typing import Any

from django.core.management.base import CommandError, CommandParser

from kim.core.exports import safe_cell
from kim.core.management.oneline import OneLineCommand, read_input
from kim.stats import cli

FORMATS = ("json", "csv")


class Command(OneLineCommand):
    help = ("Statistical disclosure control: counts of 1 or 2 become <3, further cells x, "
            "so that no <3 can be worked out from the published cells and totals.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = self.subcommands(parser)
        protect = sub.add_parser("protect", help="CSV: first column row labels, header "
                                 "with column labels, non-negative whole numbers, no totals")
        protect.add_argument("file", help="CSV file, or - for standard input")
        protect.add_argument("--format", dest="fmt", default="json", help="json or csv")

    def handle(self, *args: Any, action: str, file: str, fmt: str, **options: Any) -> None:
        try:
            cli.check_format(fmt, FORMATS)
            result = cli.protect(read_input(file))
        except cli.InputError as err:
            raise CommandError(str(err)) from None
        output = cli.render_json(result) if fmt == "json" else cli.render_csv(result,
                                                                              safe_cell)
        self.stdout.write(output, ending="")
