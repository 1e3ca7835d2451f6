"""``kim quota keys FILE`` and ``kim quota compute FILE`` (product.md §5.1, §5.3)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from kim.core.management.oneline import read_input


class Command(BaseCommand):
    help = ("FlüAG allocation keys from population and area (keys), and the obligation and "
            "quota table of a Land statistics file (compute).")
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        keys = sub.add_parser("keys", help="CSV ags,name,population,area_km2 -> key_percent "
                              "(--key awov: plus unemployed,rent_capped,high_eu_share)")
        keys.add_argument("file", help="CSV file, or - for standard input")
        keys.add_argument("--format", dest="fmt", default="json", help="json or csv")
        keys.add_argument("--key", default="flueag", help="flueag (default) or awov (§ 12a)")
        keys.add_argument("--as-of", dest="as_of", help="date of the key version (awov)")
        compute = sub.add_parser("compute", help="CSV ags,name,key_percent,stock,"
                                 "facility_regular_places,facility_reserve_places -> table")
        compute.add_argument("file", help="CSV file, or - for standard input")
        compute.add_argument("--format", dest="fmt", default="json", help="json or csv")
        compute.add_argument("--as-of", dest="as_of", help="crediting rates of this date "
                             "(YYYY-MM-DD, default today)")

    def handle(self, *args: Any, action: str, file: str, fmt: str, as_of: str | None = None,
               key: str = "flueag", **options: Any) -> None:
        from kim.quota import cli

        try:
            day = cli.parse_day(as_of, timezone.localdate())
            data = read_input(file)
            if action == "keys":
                output = cli.keys(data, fmt, key, day)
            else:
                output = cli.compute(data, fmt, day)
        except cli.QuotaCliError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(output, ending="")

