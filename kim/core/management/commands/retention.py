"""``kim retention run [--dry-run] [--municipality SLUG]``: delete or anonymise the
personal data whose retention period is over (every module's ``RetentionRule``; periods
per municipality in the settings) and write the deletion log; also remove finished
background jobs older than ``core.job_keep_days`` with their files. Run it nightly or
weekly (cron/systemd timer), like ``kim refresh_deadlines``.

Output: one line per municipality and rule – ``<municipality> <rule> <action> <years>
<cutoff> <records>`` (a dry run changes nothing and writes no log). Errors: one line on
standard error, exit status 1, nothing changed.
"""

from __future__ import annotations

import getpass
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kim.core.domain import jobs, retention
from kim.core.models import Municipality


class Command(BaseCommand):
    help = "Delete or anonymise personal data whose retention period is over."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("run", help="apply every retention rule")
        run.add_argument("--dry-run", action="store_true",
                         help="only count what is due; change nothing")
        run.add_argument("--municipality", help="only this municipality (slug)")

    def handle(self, *args: Any, action: str, dry_run: bool = False,
               municipality: str | None = None, **options: Any) -> None:
        with scopes_disabled():
            towns = Municipality.objects.filter(is_active=True).order_by("slug")
            if municipality is not None:
                towns = towns.filter(slug=municipality)
                if not towns.exists():
                    raise CommandError(f"Unknown municipality {municipality!r}")
            towns = list(towns)
        today = timezone.localdate()
        source = "command:retention run" + (" --dry-run" if dry_run else "")
        try:
            actor = getpass.getuser()
        except (KeyError, OSError):  # no passwd entry (containers)
            actor = ""
        lines = []
        for town in towns:
            with scope(municipality=town):
                results = retention.run(town, today, dry_run=dry_run, source=source,
                                        actor_name=actor)
                if not dry_run:  # finished background jobs with their files (no log line)
                    jobs.prune(town)
            lines += [f"{town.slug} {r.rule.key} {r.rule.action} {r.years} "
                      f"{r.cutoff.isoformat()} {r.count}" for r in results]
        for line in lines:
            self.stdout.write(line)
