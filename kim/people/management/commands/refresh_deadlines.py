from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django_scopes import scope

from kim.core.dataproblems import collecting
from kim.core.models import Municipality
from kim.people.domain.deadlines import refresh_municipality


class Command(BaseCommand):
    help = "Recompute the deadline worklist (run nightly, e.g. from cron or a systemd timer)."

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
            with scope(municipality=tenant), collecting() as problems:
                count = refresh_municipality(tenant, today)
            self.stdout.write(f"{tenant.slug}: {count} deadlines")
            for problem in problems:  # the others are refreshed; these need a correction
                self.stderr.write(f"{tenant.slug}: {problem.model} {problem.object_id} "
                                  f"left out: {problem.message}")
