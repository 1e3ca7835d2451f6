from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kim.core import demo as accounts
from kim.core.demo import load_demo
from kim.core.models import Municipality


class Command(BaseCommand):
    help = "Load the fictitious demo dataset (municipalities soest-demo and herne-demo)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true",
                            help="Empty the database first (only if it holds demo data only).")

    def handle(self, *args: Any, reset: bool = False, **options: Any) -> None:
        if reset:
            others = Municipality.objects.exclude(slug__in=[accounts.SOEST[0], accounts.HERNE[0]])
            if others.exists():
                raise CommandError("--reset refused: the database holds non-demo municipalities.")
            call_command("flush", interactive=False, verbosity=0)
        logins = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        print_logins(self.stdout, logins)


def print_logins(out: Any, logins: list[accounts.DemoLogin]) -> None:
    out.write(f"Demo logins (password for all: {accounts.DEMO_PASSWORD}):")
    for login in logins:
        out.write(f"  {login.username:<18} {login.municipality:<12} {login.role}")
    out.write("  betrieb            (platform)   platform operator – sees no case data")
