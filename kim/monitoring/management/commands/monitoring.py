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

        refresh = sub.add_parser("refresh", help="compute the observations kim derives from "
                                                  "its own data for one day")
        refresh.add_argument("--municipality", required=True, help="slug")
        refresh.add_argument("--as-of", dest="as_of", default="",
                             help="YYYY-MM-DD (default: today)")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "refresh":
            self._refresh(options["municipality"], options["as_of"])
            return
        file, fmt = options["file"], options["fmt"]
        try:
            cli.check_format(fmt, ("json",))
            result = ACTIONS[action](read_input(file))
        except cli.InputError as err:
            raise CommandError(str(err)) from None
        self.stdout.write(cli.render_json(result), ending="")

    def _refresh(self, slug: str, as_of: str) -> None:
        import datetime

        from django.db import transaction
        from django.utils import timezone
        from django_scopes import scope

        from kim.core.models import Municipality
        from kim.monitoring.domain.computed import refresh

        town = Municipality.objects.filter(slug=slug).first()
        if town is None:
            raise CommandError(f"unknown municipality {slug!r}")
        try:
            day = datetime.date.fromisoformat(as_of) if as_of else timezone.localdate()
        except ValueError:
            raise CommandError(f"--as-of {as_of!r} is not a date (YYYY-MM-DD)") from None
        with scope(municipality=town), transaction.atomic():
            written = refresh(town, day)
        self.stdout.write(f"{written} observations computed for {day.isoformat()}")
