"""``kim report NAME --municipality SLUG [--as-of DATE] [--format F] [--output FILE]``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone, translation
from django_scopes import scope

from kim.core.models import Municipality
from kim.core.reports.dates import aggregate_date_error, latest_reference_date
from kim.core.reports.forms import FIRST_YEAR, LAST_YEAR, date_in_range
from kim.core.reports.registry import reports
from kim.core.reports.renderers import FORMATS
from kim.core.reports.service import Audience, produce


class Command(BaseCommand):
    help = ("Render a standard report. Text formats (json, csv, html) go to standard output "
            "unless --output is given; xlsx and pdf need --output.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="report name, e.g. users_by_role")
        parser.add_argument("--municipality", required=True, help="short name (slug)")
        parser.add_argument("--as-of", dest="as_of", help="reporting date YYYY-MM-DD "
                            "(default: today)")
        # Validated in handle(), not by argparse choices, so every bad input gives the same
        # one-line error and exit status 1.
        parser.add_argument("--format", dest="fmt", default="json",
                            help=f"one of {', '.join(FORMATS)} (default: json)")
        parser.add_argument("--output", help="write to this file instead of standard output")
        parser.add_argument("--aggregate", action="store_true",
                            help="apply disclosure control (for aggregate-only audiences); "
                            "only past month ends, default the last one")

    def handle(self, *args: Any, name: str, municipality: str, as_of: str | None, fmt: str,
               output: str | None, aggregate: bool, **options: Any) -> None:
        # Input checks that need no database first.
        if name not in reports:
            raise CommandError(f"Unknown report {name!r}; known reports: "
                               f"{', '.join(reports.names)}")
        if fmt not in FORMATS:
            raise CommandError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        out_format = FORMATS[fmt]
        if out_format.binary and not output:
            raise CommandError(f"Format {fmt} is binary; give --output FILE")
        today = timezone.localdate()
        # without --as-of: today, for an aggregate audience the last month end
        default = latest_reference_date(today) if aggregate else today
        day = parse_date(as_of) if as_of else default
        if aggregate:
            error = aggregate_date_error(day, None, today)
            if error is not None:
                with translation.override("en"):
                    raise CommandError(f"--as-of {day.isoformat()}: {error[1]}")
        tenant = Municipality.objects.filter(slug=municipality, is_active=True).first()
        if tenant is None:
            raise CommandError(f"Unknown municipality {municipality!r}")

        audience = Audience.AGGREGATE if aggregate else Audience.DETAIL
        with scope(municipality=tenant):
            result = produce(reports.get(name), tenant, day, audience=audience)
            content = out_format.render(result)
        for problem in result.data_problems:  # the figures omit these records
            self.stderr.write(f"warning: {problem.model} {problem.object_id} left out: "
                              f"{problem.message}")
        if output:
            try:
                Path(output).write_bytes(content)
            except OSError as err:
                raise CommandError(f"Cannot write {output}: {err.strerror}") from err
        else:
            self.stdout.write(content.decode("utf-8"), ending="")


def parse_date(text: str) -> date:
    try:
        if len(text) == 10:  # fromisoformat would also take "20240131" and week dates
            day = date.fromisoformat(text)
            if not date_in_range(day):
                raise CommandError(f"Date {text} out of range; reports cover the years "
                                   f"{FIRST_YEAR} to {LAST_YEAR}")
            return day
    except ValueError:
        pass
    raise CommandError(f"Bad date {text!r}; expected YYYY-MM-DD")
