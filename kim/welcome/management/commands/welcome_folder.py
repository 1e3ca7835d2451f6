"""``kim welcome_folder --municipality SLUG --household REF --language LANG --output FILE``:
a household's welcome folder as PDF (kim/welcome/domain/folder.py); audited like a print
from the page.

REF is the household's reference (e.g. ``LATER-UA-312``), or its number in kim. LANG is
a content language code (de, en, ar, fa, ps, ti, uk, ru, tr, kmr, so). Errors: one line on
standard error, exit status 1, nothing written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_scopes import scope

from kim.core.audit.context import audit_context
from kim.core.models import Municipality
from kim.people.models import Household
from kim.welcome.domain import folder
from kim.welcome.languages import LANGUAGES


class Command(BaseCommand):
    help = "A household's welcome folder as PDF, in the given language."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True, help="short name (slug)")
        parser.add_argument("--household", required=True,
                            help="the household's reference or number")
        parser.add_argument("--language", required=True,
                            help="content language: " + ", ".join(LANGUAGES))
        parser.add_argument("--output", required=True, help="the PDF file to write")

    def handle(self, *args: Any, municipality: str, household: str, language: str,
               output: str, **options: Any) -> None:
        tenant = Municipality.objects.filter(slug=municipality, is_active=True).first()
        if tenant is None:
            raise CommandError(f"--municipality {municipality!r}: no such municipality")
        if language not in LANGUAGES:
            raise CommandError(f"--language {language!r}: not a content language "
                               f"({', '.join(LANGUAGES)})")
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"--output {output}: no such directory")
        with scope(municipality=tenant), audit_context(source="command:welcome_folder",
                                                       municipality_id=tenant.pk):
            found = Household.objects.filter(municipality=tenant, reference=household).first()
            if found is None and household.isdigit():
                found = Household.objects.filter(municipality=tenant, pk=int(household)).first()
            if found is None:
                raise CommandError(f"--household {household!r}: no such household in "
                                   f"{municipality}")
            content = folder.pdf(found, language)
            try:
                target.write_bytes(content)
            except OSError as err:
                raise CommandError(f"--output {output}: {err.strerror}") from err
            folder.record(found, language)
