from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django_scopes import scope

from kim.core.models import Municipality
from kim.people.domain.timelines import refresh_stale


class Command(BaseCommand):
    help = ("Recompute the stale legal time lines: those of another parameter version, "
            "missing ones and those that reach less than three years ahead (run nightly).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", help="short name; default: all municipalities")

    def handle(self, *args: Any, municipality: str | None = None, **options: Any) -> None:
        tenants = Municipality.objects.filter(is_active=True)
        if municipality:
            tenants = tenants.filter(slug=municipality)
            if not tenants.exists():
                raise CommandError(f"unknown municipality: {municipality}")
        today = timezone.localdate()
        for tenant in tenants:
            with scope(municipality=tenant):
                count = refresh_stale(tenant, today)
            self.stdout.write(f"{tenant.slug}: {count} time lines recomputed")
