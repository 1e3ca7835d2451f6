import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "The legal rules engine. `kim rules evaluate FILE|-` prints decisions as JSON."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        evaluate = sub.add_parser("evaluate", help="Evaluate facts (one object or a list).")
        evaluate.add_argument("source", help="JSON file with facts, or - for standard input")

    def handle(self, *args: Any, action: str, source: str, **options: Any) -> None:
        from kim.rules.cli import run

        code = run(source, sys.stdin, sys.stdout, sys.stderr)
        if code:
            sys.exit(code)
