"""``kim person export --municipality SLUG --person ID --output FILE``: the Art. 15
access export of one person as a ZIP (kim/core/domain/access_export.py); audited.

Errors (unknown municipality or person, a file that cannot be written): one line on
standard error, exit status 1, nothing written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_scopes import scope

from kim.core.audit.context import audit_context
from kim.core.domain import access_export
from kim.core.models import Municipality
from kim.people.domain.access_export import export_languages
from kim.people.models import Person


class Command(BaseCommand):
    help = "The access export (Art. 15 GDPR) of one person as a ZIP of PDF and JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="write a person's access export")
        export.add_argument("--municipality", required=True, help="short name (slug)")
        export.add_argument("--person", required=True, help="the person's id in kim")
        export.add_argument("--output", required=True, help="the ZIP file to write")

    def handle(self, *args: Any, action: str, municipality: str, person: str, output: str,
               **options: Any) -> None:
        tenant = Municipality.objects.filter(slug=municipality, is_active=True).first()
        if tenant is None:
            raise CommandError(f"Unknown municipality {municipality!r}")
        if not person.isdigit():
            raise CommandError(f"--person {person!r}: expected the person's number")
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"Cannot write {output}: no such directory")
        with scope(municipality=tenant), audit_context(source="command:person export",
                                                       municipality_id=tenant.pk):
            subject = Person.objects.filter(municipality=tenant, pk=int(person)).first()
            if subject is None:
                raise CommandError(f"--person {person}: no such person in {municipality}")
            languages = export_languages(subject)
            body = access_export.build(subject, tenant, languages)
            try:
                target.write_bytes(body)
            except OSError as err:
                raise CommandError(f"Cannot write {output}: {err.strerror}") from err
            access_export.record(subject, tenant, languages)
