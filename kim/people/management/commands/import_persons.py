from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_scopes import scope

from kim.core.audit.context import audit_context
from kim.core.models import Municipality
from kim.people.importers.persons import import_persons


class Command(BaseCommand):
    help = "Import persons from CSV or XLSX (product.md §5.2). Nothing is written on any error."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--municipality", required=True, help="short name (slug)")
        parser.add_argument("--dry-run", action="store_true", help="validate and report only")

    def handle(self, *args: Any, file: str, municipality: str, dry_run: bool,
               **options: Any) -> None:
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"no such file: {file}")
        tenant = Municipality.objects.filter(slug=municipality).first()
        if tenant is None:
            raise CommandError(f"unknown municipality: {municipality}")
        with scope(municipality=tenant), audit_context(source="command:import_persons",
                                                       municipality_id=tenant.pk), \
                path.open("rb") as stream:
            result = import_persons(tenant, stream, path.name, dry_run=dry_run)
        for error in result.errors:
            self.stderr.write(str(error))  # "row 5, column Nachname: reason"
        for line, match, more in result.duplicates_lines():
            if match is None:
                self.stdout.write(f"row {line}: and {more} more probable duplicates")
            elif match.file_row is not None:
                self.stdout.write(f"row {line}: probable duplicate of row {match.file_row} of "
                                  f"this file ({match.label}; {', '.join(match.reasons)})")
            else:
                self.stdout.write(f"row {line}: probable duplicate of person {match.person_id} "
                                  f"({match.label}; {', '.join(match.reasons)})")
        if result.errors:
            raise CommandError(f"{len(result.errors)} error(s); nothing was imported")
        verb = "would create" if dry_run else "created"
        self.stdout.write(f"{result.rows} rows valid; {verb} {result.created}, "
                          f"{'would update' if dry_run else 'updated'} {result.updated}")
