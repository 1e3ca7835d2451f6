"""``kim import_education courses|enrolments FILE --municipality SLUG [--dry-run]``:
load a municipality's course list or its enrolments from CSV/XLSX. Nothing is written on
any error; each error is one line on stderr naming row and column, exit status 1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_scopes import scope

from kim.core.audit.context import audit_context
from kim.core.models import Municipality
from kim.education.importers import import_courses, import_enrolments

KINDS = {"courses": import_courses, "enrolments": import_enrolments}


class Command(BaseCommand):
    help = "Import courses or enrolments from CSV or XLSX. Nothing is written on any error."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("file")
        parser.add_argument("--municipality", required=True, help="short name (slug)")
        parser.add_argument("--dry-run", action="store_true", help="validate and report only")

    def handle(self, *args: Any, kind: str, file: str, municipality: str, dry_run: bool,
               **options: Any) -> None:
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"no such file: {file}")
        tenant = Municipality.objects.filter(slug=municipality).first()
        if tenant is None:
            raise CommandError(f"unknown municipality: {municipality}")
        with scope(municipality=tenant), audit_context(source=f"command:import_{kind}",
                                                       municipality_id=tenant.pk), \
                path.open("rb") as stream:
            result = KINDS[kind](tenant, stream, path.name, dry_run=dry_run)
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))  # "row 5, column Träger: reason"
            raise CommandError(f"{len(result.errors)} error(s); nothing was imported")
        verb = "would import" if dry_run else "imported"
        self.stdout.write(f"{verb} {result.validated.lines} {kind}")
